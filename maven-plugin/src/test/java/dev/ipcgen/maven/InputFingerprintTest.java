package dev.ipcgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {

    @TempDir
    Path base;

    private Path a;
    private Path b;

    @BeforeEach
    void writeInputs() throws IOException {
        a = write(base, "src/main/ipc/a.ipc", "struct A {}");
        b = write(base, "src/main/ipc/sub/b.ipc", "struct B {}");
    }

    @Test
    void compute_isStableForTheSameInputs() {
        assertThat(fingerprint(options("p"), List.of(a, b))).isEqualTo(fingerprint(options("p"), List.of(a, b)));
    }

    @Test
    void compute_ignoresTheOrderOfInputs() {
        assertThat(fingerprint(options("p"), List.of(b, a))).isEqualTo(fingerprint(options("p"), List.of(a, b)));
    }

    @Test
    void compute_isSixtyFourHexDigits() {
        assertThat(fingerprint(options("p"), List.of(a))).matches("[0-9a-f]{64}");
    }

    @Test
    void compute_changesWhenContentChanges() throws IOException {
        String before = fingerprint(options("p"), List.of(a, b));
        Files.writeString(a, "struct A { x: u8 }");
        assertThat(fingerprint(options("p"), List.of(a, b))).isNotEqualTo(before);
    }

    @Test
    void compute_changesWhenAnOptionChanges() {
        assertThat(fingerprint(options("q"), List.of(a, b))).isNotEqualTo(fingerprint(options("p"), List.of(a, b)));
    }

    @Test
    void compute_changesWhenAnOptionIsAdded() {
        SortedMap<String, String> more = options("p");
        more.put("importRoots", "lib");
        assertThat(fingerprint(more, List.of(a, b))).isNotEqualTo(fingerprint(options("p"), List.of(a, b)));
    }

    @Test
    void compute_changesWhenAnInputIsDeleted() throws IOException {
        String before = fingerprint(options("p"), List.of(a, b));
        Files.delete(b);
        assertThat(fingerprint(options("p"), List.of(a))).isNotEqualTo(before);
    }

    @Test
    void compute_changesWhenAnInputIsAdded() throws IOException {
        String before = fingerprint(options("p"), List.of(a, b));
        Path c = write(base, "src/main/ipc/c.ipc", "");
        assertThat(fingerprint(options("p"), List.of(a, b, c))).isNotEqualTo(before);
    }

    @Test
    void compute_changesWhenAnInputIsRenamed() throws IOException {
        String before = fingerprint(options("p"), List.of(a, b));
        Path renamed = Files.move(a, a.resolveSibling("renamed.ipc"));
        assertThat(fingerprint(options("p"), List.of(renamed, b))).isNotEqualTo(before);
    }

    @Test
    void compute_changesWhenTheGeneratorChanges() {
        String before = InputFingerprint.compute("0.1.0", options("p"), base, List.of(a));
        assertThat(InputFingerprint.compute("0.2.0", options("p"), base, List.of(a))).isNotEqualTo(before);
    }

    @Test
    void compute_keepsValuesApart() {
        SortedMap<String, String> one = new TreeMap<>();
        one.put("x", "ab");
        SortedMap<String, String> other = new TreeMap<>();
        other.put("xa", "b");
        assertThat(InputFingerprint.compute("v", one, base, List.of()))
                .isNotEqualTo(InputFingerprint.compute("v", other, base, List.of()));
    }

    @Test
    void compute_isTheSameForAProjectMovedElsewhere(@TempDir Path otherBase) throws IOException {
        Path movedA = write(otherBase, "src/main/ipc/a.ipc", "struct A {}");
        assertThat(InputFingerprint.compute("v", options("p"), otherBase, List.of(movedA)))
                .isEqualTo(InputFingerprint.compute("v", options("p"), base, List.of(a)));
    }

    @Test
    void compute_reportsAMissingInput() {
        Path missing = base.resolve("missing.ipc");
        assertThatThrownBy(() -> fingerprint(options("p"), List.of(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.ipc");
    }

    @Test
    void displayPath_isRelativeWithSlashesInsideTheBaseAndAbsoluteOutside(@TempDir Path elsewhere) {
        assertThat(InputFingerprint.displayPath(base, b)).isEqualTo("src/main/ipc/sub/b.ipc");
        assertThat(InputFingerprint.displayPath(base, elsewhere.resolve("x.ipc")))
                .isEqualTo(elsewhere.resolve("x.ipc").toAbsolutePath().normalize().toString());
    }

    private String fingerprint(SortedMap<String, String> options, List<Path> inputs) {
        return InputFingerprint.compute("0.1.0", options, base, inputs);
    }

    private static SortedMap<String, String> options(String javaPackage) {
        SortedMap<String, String> options = new TreeMap<>();
        options.put("javaPackage", javaPackage);
        return options;
    }

    static Path write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
