package dev.ipcgen.idl.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.testing.IpcFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the input, load() returns diagnostics and never throws. */
class RobustnessTest {

    @TempDir
    Path dir;

    @Test
    void load_ofBinaryGarbage_reportsWithoutThrowing() {
        IpcFiles files = new IpcFiles(dir);
        byte[] garbage = new byte[20_000];
        long seed = 42;
        new Random(seed).nextBytes(garbage);
        files.write("garbage.ipc", garbage);

        LoadResult result = files.load("garbage.ipc");

        assertThat(result.schema()).as("seed %d", seed).isEmpty();
        assertThat(files.headlines(result)).singleElement().asString()
                .matches("garbage\\.ipc:\\d+:\\d+: error: not valid UTF-8: byte 0x[0-9A-F]{2} at offset \\d+");
    }

    @Test
    void load_ofValidUtf8Garbage_reportsAtMostHundredErrorsAndSaysHowManyMore() {
        IpcFiles files = new IpcFiles(dir);
        StringBuilder sb = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            sb.append((char) (random.nextInt(0x2000) + 1));
        }
        files.write("noise.ipc", sb.toString());

        LoadResult result = files.load("noise.ipc");

        assertThat(result.schema()).isEmpty();
        assertThat(result.diagnostics()).hasSize(SchemaLoader.MAX_ERRORS + 1);
        assertThat(result.diagnostics().subList(0, SchemaLoader.MAX_ERRORS)).allMatch(d -> d.isError() && d.span() != null);
        assertThat(result.diagnostics().get(SchemaLoader.MAX_ERRORS).headline())
                .matches("error: too many errors; [1-9][0-9]* more not shown");
    }

    @Test
    void load_ofEmptyFile_reportsTheMissingPackage() {
        IpcFiles files = new IpcFiles(dir);
        files.write("empty.ipc", "");

        assertThat(files.headlines(files.load("empty.ipc"))).containsExactly(
                "empty.ipc:1:1: error: missing package declaration: add 'package a.b.c;' or give a default Java package");
    }

    @Test
    void load_ofEmptyFileWithDefaultPackage_isAnEmptySchema() {
        IpcFiles files = new IpcFiles(dir);
        files.write("empty.ipc", "");

        LoadResult result = files.load(new LoadOptions(List.of(), java.util.Optional.of("x.y")), "empty.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().orElseThrow().files().get(0).javaPackage()).isEqualTo("x.y");
    }

    @Test
    void load_ofOnlyComments_reportsTheMissingPackage() {
        IpcFiles files = new IpcFiles(dir);
        files.write("comments.ipc", "// one\n/* two /* nested */ */\n//// four\n/** five */\n");

        assertThat(files.headlines(files.load("comments.ipc"))).containsExactly(
                "comments.ipc:1:1: error: missing package declaration: add 'package a.b.c;' or give a default Java package");
    }

    @Test
    void load_ofHundredThousandNestedVecs_reportsDepthNotStackOverflow() {
        IpcFiles files = new IpcFiles(dir);
        files.write("deep.ipc", "package p;\nstruct A { x: " + "Vec<".repeat(100_000) + "u8" + ">".repeat(100_000) + " }\n");

        LoadResult result = files.load("deep.ipc");

        assertThat(files.headlines(result)).containsExactly(
                "deep.ipc:2:" + (15 + 4 * 64 + 3) + ": error: types nest deeper than 64 levels");
    }

    @Test
    void load_ofSixtyFourNestedLevels_isFine() {
        IpcFiles files = new IpcFiles(dir);
        files.write("deep.ipc", "package p;\nstruct A { x: " + "Vec<".repeat(64) + "u8" + ">".repeat(64) + " }\n");

        LoadResult result = files.load("deep.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema()).isPresent();
    }

    @Test
    void load_ofManyUnclosedComments_reportsTheFirst() {
        IpcFiles files = new IpcFiles(dir);
        files.write("open.ipc", "package p;\n" + "/* ".repeat(50_000));

        assertThat(files.headlines(files.load("open.ipc"))).containsExactly(
                "open.ipc:2:1: error: unterminated block comment");
    }

    @Test
    void load_ofHundredThousandNestedClosedComments_parses() {
        IpcFiles files = new IpcFiles(dir);
        files.write("nested.ipc", "package p;\n" + "/* ".repeat(100_000) + " */".repeat(100_000) + "\nstruct A {}\n");

        LoadResult result = files.load("nested.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().orElseThrow().types()).containsOnlyKeys("A");
    }

    @Test
    void load_ofImportWithNulCharacter_reportsItCannotBeFound() {
        IpcFiles files = new IpcFiles(dir);
        files.write("a.ipc", "package p; import \"a\u0000b.ipc\";");

        assertThat(files.headlines(files.load("a.ipc"))).containsExactly(
                "a.ipc:1:19: error: cannot find import 'a\\u0000b.ipc'");
    }

    @Test
    void load_ofTwoFilesWithSixtyErrorsEach_reportsTheFirstHundredAndCountsTheRest() {
        IpcFiles files = new IpcFiles(dir);
        files.write("a.ipc", "package p;\n" + ";\n".repeat(60));
        files.write("b.ipc", "package p;\n" + ";\n".repeat(60));

        List<String> headlines = files.headlines(files.load("a.ipc", "b.ipc"));

        assertThat(headlines).hasSize(SchemaLoader.MAX_ERRORS + 1);
        assertThat(headlines.get(0)).isEqualTo("a.ipc:2:1: error: unexpected ';' at top level: remove it");
        assertThat(headlines.get(SchemaLoader.MAX_ERRORS - 1)).isEqualTo("b.ipc:41:1: error: unexpected ';' at top level: remove it");
        assertThat(headlines.get(SchemaLoader.MAX_ERRORS)).isEqualTo("error: too many errors; 20 more not shown");
    }

    @Test
    void load_ofMissingInput_reportsWithoutPlace() {
        IpcFiles files = new IpcFiles(dir);

        LoadResult result = new SchemaLoader(LoadOptions.defaults()).load(List.of(Path.of("no/such/x.ipc")));

        assertThat(files.headlines(result)).containsExactly("error: cannot read 'no/such/x.ipc': no such file");
        assertThat(result.schema()).isEmpty();
    }

    @Test
    void load_ofDirectory_reportsWithoutThrowing() {
        IpcFiles files = new IpcFiles(dir);
        files.write("sub/a.ipc", "package p;");

        LoadResult result = files.load("sub");

        assertThat(files.headlines(result)).containsExactly("error: cannot read 'sub': is a directory");
    }

    @Test
    void load_ofRandomlyMutatedExample_neverThrows() {
        IpcFiles files = new IpcFiles(dir);
        files.write("common.ipc", IpcFiles.COMMON);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String base = IpcFiles.EXAMPLE;
        String alphabet = "{}()<>,;:./*\"\\-> \n\tabcXYZ_019";
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder(base);
            int edits = 1 + random.nextInt(5);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length());
                if (random.nextBoolean()) {
                    sb.deleteCharAt(at);
                } else {
                    sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            files.write("m.ipc", sb.toString());

            LoadResult result = files.load("m.ipc");

            assertThat(result.diagnostics()).as("seed %d round %d", seed, round)
                    .noneMatch(d -> d.message().startsWith("internal error"));
        }
    }
}
