package dev.ipcgen.maven;

import static dev.ipcgen.maven.InputFingerprintTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.codegen.GeneratedFile;
import dev.ipcgen.codegen.GenerationResult;
import dev.ipcgen.codegen.GeneratorOptions;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationRunTest {

    @TempDir
    Path base;

    private final RecordingLog log = new RecordingLog();
    private final FakeGenerator generator = new FakeGenerator();
    private Path sources;
    private Path output;

    @BeforeEach
    void layOutProject() {
        sources = base.resolve("src/main/ipc");
        output = base.resolve("target/generated-sources/ipc");
    }

    @Test
    void execute_withoutInputs_doesNothing() throws Exception {
        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.NO_INPUTS);
        assertThat(generator.calls).isEmpty();
        assertThat(output).doesNotExist();
        assertThat(log.infos).containsExactly("ipcgen: no .ipc files in src/main/ipc, nothing to generate");
    }

    @Test
    void execute_generatesFromAllInputsSorted() throws Exception {
        Path b = write(sources, "b.ipc", "struct B {}");
        Path a = write(sources, "nested/a.ipc", "struct A {}");

        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);

        assertThat(generator.calls).containsExactly(List.of(b, a));
        assertThat(generator.lastOptions.defaultJavaPackage()).contains("p");
        assertThat(output.resolve("gen/B.java")).hasContent("// struct B {}");
        assertThat(output.resolve("gen/A.java")).hasContent("// struct A {}");
        assertThat(log.infos).containsExactly(
                "ipcgen: generated 2 Java file(s) from 2 .ipc file(s) into target/generated-sources/ipc");
    }

    @Test
    void execute_twiceWithoutChanges_skipsTheSecondTime() throws Exception {
        write(sources, "a.ipc", "struct A {}");
        write(sources, "b.ipc", "struct B {}");
        run(settings("p")).execute();

        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.UP_TO_DATE);

        assertThat(generator.calls).hasSize(1);
        assertThat(log.infos).last().isEqualTo("ipcgen: 2 files unchanged, skipping generation");
    }

    @Test
    void execute_afterAContentChange_regenerates() throws Exception {
        Path a = write(sources, "a.ipc", "struct A {}");
        run(settings("p")).execute();
        Files.writeString(a, "struct A { x: u8 }");

        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);
        assertThat(output.resolve("gen/A.java")).hasContent("// struct A { x: u8 }");
    }

    @Test
    void execute_afterAnOptionChange_regenerates() throws Exception {
        write(sources, "a.ipc", "struct A {}");
        run(settings("p")).execute();

        assertThat(run(settings("q")).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);
        assertThat(generator.calls).hasSize(2);
    }

    @Test
    void execute_afterAnInputIsDeleted_removesItsOutput() throws Exception {
        write(sources, "a.ipc", "struct A {}");
        Path b = write(sources, "b.ipc", "struct B {}");
        run(settings("p")).execute();
        Files.delete(b);

        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);
        assertThat(output.resolve("gen/A.java")).exists();
        assertThat(output.resolve("gen/B.java")).doesNotExist();
    }

    @Test
    void execute_whenTheOutputWasDeleted_regenerates() throws Exception {
        write(sources, "a.ipc", "struct A {}");
        run(settings("p")).execute();
        new GeneratedOutput(output).deleteAllExcept(List.of());

        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);
        assertThat(output.resolve("gen/A.java")).exists();
    }

    @Test
    void execute_whenAnImportedFileChanges_regenerates() throws Exception {
        write(sources, "a.ipc", "import \"common.ipc\";");
        Path common = write(base, "lib/common.ipc", "struct C {}");
        GenerationRun.Settings settings = settings("p", List.of(base.resolve("lib")), true);
        run(settings).execute();
        Files.writeString(common, "struct C { x: u8 }");

        assertThat(run(settings).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);
    }

    @Test
    void execute_intoAFolderTheBuildDoesNotOwn_keepsFilesItDidNotWrite() throws Exception {
        output = base.resolve("src/main/generated");
        Path mine = write(output, "gen/Mine.java", "class Mine {}");
        write(sources, "a.ipc", "struct A {}");
        Path b = write(sources, "b.ipc", "struct B {}");
        run(settings("p", List.of(), false)).execute();
        Files.delete(b);

        run(settings("p", List.of(), false)).execute();

        assertThat(mine).exists();
        assertThat(output.resolve("gen/A.java")).exists();
        assertThat(output.resolve("gen/B.java")).doesNotExist();
    }

    @Test
    void execute_withErrors_logsEachRelativeAndFailsWithoutTouchingTheOutput() throws Exception {
        Path bad = write(sources, "bad.ipc", "struct {");
        run(settings("p")).execute();
        generator.diagnostics = List.of(
                Diagnostic.warning(new SourceSpan(bad.toString(), 1, 1), "doc comment attaches to nothing"),
                Diagnostic.error(new SourceSpan(bad.toString(), 1, 8), "expected a name"),
                Diagnostic.error(new SourceSpan(bad.toString(), 2, 1), "unexpected end of file"));
        Files.writeString(bad, "struct {\n");

        assertThatThrownBy(() -> run(settings("p")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("ipcgen: 2 error(s) in .ipc files");

        assertThat(log.warnings).containsExactly("src/main/ipc/bad.ipc:1:1: warning: doc comment attaches to nothing");
        assertThat(log.errors).containsExactly(
                "src/main/ipc/bad.ipc:1:8: error: expected a name",
                "src/main/ipc/bad.ipc:2:1: error: unexpected end of file");
        assertThat(output.resolve("gen/Bad.java")).hasContent("// struct {");
    }

    @Test
    void execute_afterFailing_runsAgainWithTheSameBadInput() throws Exception {
        write(sources, "bad.ipc", "struct {");
        generator.diagnostics = List.of(Diagnostic.error(null, "broken"));
        assertThatThrownBy(() -> run(settings("p")).execute()).isInstanceOf(MojoFailureException.class);

        assertThatThrownBy(() -> run(settings("p")).execute()).isInstanceOf(MojoFailureException.class);
        assertThat(generator.calls).hasSize(2);
    }

    @Test
    void execute_withWarningsOnly_generates() throws Exception {
        Path a = write(sources, "a.ipc", "protocol p version 1 {}");
        generator.diagnostics = List.of(Diagnostic.warning(new SourceSpan(a.toString(), 1, 1), "no messages"));

        assertThat(run(settings("p")).execute()).isEqualTo(GenerationRun.Outcome.GENERATED);
        assertThat(log.warnings).containsExactly("src/main/ipc/a.ipc:1:1: warning: no messages");
        assertThat(log.errors).isEmpty();
    }

    private GenerationRun run(GenerationRun.Settings settings) {
        return new GenerationRun(settings, generator, log);
    }

    private GenerationRun.Settings settings(String javaPackage) {
        return settings(javaPackage, List.of(), true);
    }

    private GenerationRun.Settings settings(String javaPackage, List<Path> importRoots, boolean owned) {
        return new GenerationRun.Settings(base, sources, output, owned, base.resolve("target/ipcgen/state.txt"),
                importRoots, Optional.of(javaPackage), "test-generator");
    }

    /** One Java file per input, named after it, holding the input's text as a comment. */
    private static final class FakeGenerator
            implements BiFunction<List<Path>, GeneratorOptions, GenerationResult> {
        final List<List<Path>> calls = new ArrayList<>();
        GeneratorOptions lastOptions;
        List<Diagnostic> diagnostics = List.of();

        @Override
        public GenerationResult apply(List<Path> inputs, GeneratorOptions options) {
            calls.add(inputs);
            lastOptions = options;
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
                return new GenerationResult(List.of(), diagnostics);
            }
            List<GeneratedFile> files = new ArrayList<>();
            for (Path input : inputs) {
                String name = input.getFileName().toString().replace(".ipc", "");
                String className = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                try {
                    files.add(new GeneratedFile("gen/" + className + ".java", "// " + Files.readString(input)));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            return new GenerationResult(files, diagnostics);
        }
    }

    private static final class RecordingLog extends SystemStreamLog {
        final List<String> infos = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    }
}
