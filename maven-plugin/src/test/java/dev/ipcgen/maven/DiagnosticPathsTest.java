package dev.ipcgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticPathsTest {

    @TempDir
    Path base;

    @Test
    void headline_makesTheSpanRelative() {
        String file = base.resolve("src/main/ipc/bad.ipc").toString();
        Diagnostic error = Diagnostic.error(new SourceSpan(file, 3, 7), "unknown type `Strin`");

        assertThat(new DiagnosticPaths(base).headline(error))
                .isEqualTo("src/main/ipc/bad.ipc:3:7: error: unknown type `Strin`");
    }

    @Test
    void headline_makesPathsInTheMessageRelative() {
        String a = base.resolve("src/main/ipc/a.ipc").toString();
        String b = base.resolve("src/main/ipc/b.ipc").toString();
        Diagnostic error = Diagnostic.error(new SourceSpan(a, 1, 1),
                "duplicate struct User (first at " + b + ":2:1, imported as '" + b + "')");

        assertThat(new DiagnosticPaths(base).headline(error)).isEqualTo("src/main/ipc/a.ipc:1:1: error: "
                + "duplicate struct User (first at src/main/ipc/b.ipc:2:1, imported as 'src/main/ipc/b.ipc')");
    }

    @Test
    void headline_keepsPathsOutsideTheBaseAndWarnings(@TempDir Path elsewhere) {
        String file = elsewhere.resolve("lib/common.ipc").toString();
        Diagnostic warning = Diagnostic.warning(new SourceSpan(file, 2, 1), "doc comment attaches to nothing");

        assertThat(new DiagnosticPaths(base).headline(warning))
                .isEqualTo(file + ":2:1: warning: doc comment attaches to nothing");
    }

    @Test
    void relativize_leavesAPathThatOnlyContainsTheBaseText() {
        String nested = "/x" + base.toAbsolutePath() + "/a.ipc";
        assertThat(new DiagnosticPaths(base).relativize("see " + nested)).isEqualTo("see " + nested);
    }

    @Test
    void headline_withoutASpan_isUnchanged() {
        Diagnostic error = Diagnostic.error(null, "no input files");
        assertThat(new DiagnosticPaths(base).headline(error)).isEqualTo("error: no input files");
    }
}
