package dev.ipcgen.maven;

import static dev.ipcgen.maven.InputFingerprintTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.codegen.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedOutputTest {

    @TempDir
    Path dir;

    @Test
    void write_createsFoldersAndReturnsThePaths() throws IOException {
        GeneratedOutput output = new GeneratedOutput(dir.resolve("out"));
        List<String> written = output.write(List.of(
                new GeneratedFile("p/q/A.java", "class A {}"),
                new GeneratedFile("p/B.java", "class B { String s = \"é\"; }")));

        assertThat(written).containsExactly("p/q/A.java", "p/B.java");
        assertThat(dir.resolve("out/p/q/A.java")).hasContent("class A {}");
        assertThat(dir.resolve("out/p/B.java")).hasContent("class B { String s = \"é\"; }");
        assertThat(output.containsAll(written)).isTrue();
    }

    @Test
    void write_refusesAPathOutsideTheFolder() {
        GeneratedOutput output = new GeneratedOutput(dir.resolve("out"));
        assertThatThrownBy(() -> output.write(List.of(new GeneratedFile("../Evil.java", ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../Evil.java");
        assertThat(dir.resolve("Evil.java")).doesNotExist();
    }

    @Test
    void containsAll_isFalseWhenAFileOrTheFolderIsMissing() throws IOException {
        GeneratedOutput output = new GeneratedOutput(dir.resolve("out"));
        assertThat(output.containsAll(List.of())).isFalse();
        output.write(List.of(new GeneratedFile("A.java", "")));
        assertThat(output.containsAll(List.of("A.java", "B.java"))).isFalse();
    }

    @Test
    void deleteAllExcept_keepsOnlyThoseFilesAndTheFolder() throws IOException {
        Path kept = write(dir, "out/p/q/A.java", "");
        write(dir, "out/p/q/Stale.java", "");
        write(dir, "out/gone/deeper/Old.java", "");
        write(dir, "out/Stale.java", "");
        new GeneratedOutput(dir.resolve("out")).deleteAllExcept(List.of("p/q/A.java"));

        assertThat(kept).exists();
        assertThat(dir.resolve("out/p/q/Stale.java")).doesNotExist();
        assertThat(dir.resolve("out/gone")).doesNotExist();
        assertThat(dir.resolve("out/Stale.java")).doesNotExist();
    }

    @Test
    void deleteAllExcept_withNothingKept_emptiesTheFolderButKeepsIt() throws IOException {
        write(dir, "out/p/A.java", "");
        new GeneratedOutput(dir.resolve("out")).deleteAllExcept(List.of());

        assertThat(dir.resolve("out")).isEmptyDirectory();
    }

    @Test
    void write_leavesAnUnchangedFileAlone() throws IOException {
        GeneratedOutput output = new GeneratedOutput(dir.resolve("out"));
        output.write(List.of(new GeneratedFile("A.java", "class A {}")));
        Path file = dir.resolve("out/A.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);

        output.write(List.of(new GeneratedFile("A.java", "class A {}")));

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void deleteFiles_removesOnlyThoseFilesAndTheFoldersLeftEmpty() throws IOException {
        write(dir, "src/p/q/A.java", "");
        write(dir, "src/p/Mine.java", "");
        write(dir, "src/r/B.java", "");
        new GeneratedOutput(dir.resolve("src")).deleteFiles(List.of("p/q/A.java", "r/B.java", "gone/C.java"));

        assertThat(dir.resolve("src/p/Mine.java")).exists();
        assertThat(dir.resolve("src/p/q")).doesNotExist();
        assertThat(dir.resolve("src/r")).doesNotExist();
        assertThat(dir.resolve("src")).isDirectory();
    }
}
