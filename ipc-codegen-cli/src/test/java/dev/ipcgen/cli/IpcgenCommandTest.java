package dev.ipcgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code ipcgen} command run in-process, as a user would from a shell. */
class IpcgenCommandTest {

    private static final Path BASIC = Path.of("src/test/resources/golden/basic/basic.ipc");

    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = IpcgenCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generate_writesTheJavaFilesOfTheBasicExample() {
        Path out = tmp.resolve("out");
        Run r = run("generate", "--out", out.toString(), BASIC.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("generated 4 files");
        Path pkg = out.resolve("dev/ipcgen/examples/basic");
        assertThat(pkg.resolve("User.java")).isRegularFile();
        assertThat(pkg.resolve("Role.java")).isRegularFile();
        assertThat(pkg.resolve("AppProtocol.java")).isRegularFile();
        assertThat(pkg.resolve("AdminProtocol.java")).isRegularFile();
    }

    @Test
    void generate_reportsASyntaxErrorWithItsPlaceAndNoStackTrace() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.ipc"), "package a.b;\nstruct S { x: u32 \n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Run r = run("generate", "--out", out.toString(), bad.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith(bad + ":3:1: error: ");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void generate_showsTheSourceLineAndACaretUnderAnError() throws IOException {
        Path bad = Files.writeString(tmp.resolve("typo.ipc"), "package a.b;\nstruct S {\n    x: Strin,\n}\n");
        Run r = run("generate", "--out", tmp.resolve("out").toString(), bad.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith(bad + ":3:8: error: ").contains("Strin");
        assertThat(lines.get(1)).isEqualTo("    x: Strin,");
        assertThat(lines.get(2)).isEqualTo("       ^");
    }

    @Test
    void generate_printsWarningsAndSucceeds() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.ipc"), "package a.b;\nprotocol p version 1 {\n}\n");
        Run r = run("generate", "--out", tmp.resolve("out").toString(), empty.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).startsWith(empty + ":2:").contains("warning:");
        assertThat(tmp.resolve("out/a/b/P.java")).isRegularFile();
    }

    @Test
    void generate_reportsAMissingInputFileInOneLine() {
        Path missing = tmp.resolve("missing.ipc");
        Run r = run("generate", "--out", tmp.resolve("out").toString(), missing.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void generate_reportsAnOutputFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run r = run("generate", "--out", file.resolve("out").toString(), BASIC.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: cannot create output directory " + file.resolve("out"))
                .doesNotContain("Exception");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void generate_withAnUnknownOptionIsAUsageError() {
        Run r = run("generate", "--out", "x", "--frobnicate", BASIC.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("Usage: ipcgen generate");
    }

    @Test
    void generate_withoutOutIsAUsageError() {
        Run r = run("generate", BASIC.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void noCommandIsAUsageError() {
        Run r = run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a command is required").contains("Usage: ipcgen");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithoutStackTrace() {
        CommandLine cl = IpcgenCommand.newCommandLine();
        cl.addSubcommand("boom", new CommandLine(new Boom()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));

        assertThat(cl.execute("boom")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("internal error: broken" + System.lineSeparator());
    }

    /** A subcommand with a bug. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("broken\nsecond line");
        }
    }

    @Test
    void version_printsTheBuildVersion() {
        Run r = run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("ipcgen \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void help_describesTheGenerateAndCheckCommands() {
        Run top = run("--help");
        Run check = run("check", "--help");
        Run generate = run("generate", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("Usage: ipcgen").contains("generate").contains("check").contains("Exit codes:");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("FILE|DIR").contains("--import-root").doesNotContain("--out");
        assertThat(generate.exitCode()).isZero();
        assertThat(generate.out()).contains("--out=DIR").contains("-I, --import-root=DIR").contains("--java-package");
    }

    @Test
    void check_reportsNoErrorsAndWritesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(BASIC, dir.resolve("basic.ipc"));
        Run r = run("check", dir.resolve("basic.ipc").toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("checked 1 file: no errors");
        try (var listing = Files.walk(tmp)) {
            assertThat(listing.filter(p -> p.toString().endsWith(".java"))).isEmpty();
        }
    }

    @Test
    void check_printsTheSourceLineAndCaretOfAnErrorAndFails() throws IOException {
        Path bad = Files.writeString(tmp.resolve("typo.ipc"), "package a.b;\nstruct S {\n    x: Vec<u8, u8>,\n}\n");
        Run r = run("check", bad.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith(bad + ":3:8: error: ");
        assertThat(lines.get(1)).isEqualTo("    x: Vec<u8, u8>,");
        assertThat(lines.get(2)).isEqualTo("       ^");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 error");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void check_reportsTwoFieldsThatBecomeOneJavaName() throws IOException {
        Path clash = Files.writeString(tmp.resolve("clash.ipc"), "package a.b;\nstruct S {\n    user_id: u32,\n    userId: u32,\n}\n");
        Run r = run("check", clash.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith(clash + ":4:5: error: ").contains("user_id").contains("userId");
    }

    @Test
    void check_ofAFolderWithoutIpcFilesIsAnError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run r = run("check", empty.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + empty + ": no .ipc files in this folder" + System.lineSeparator());
    }

    @Test
    void generate_ofAFolderTakesEveryIpcFileBelowItAndImportRoots() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/sub"));
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("common.ipc"), "package c;\nstruct Common { x: u8 }\n");
        Files.writeString(tmp.resolve("src/a.ipc"), "package a;\nimport \"common.ipc\";\nstruct A { c: Common }\n");
        Files.writeString(src.resolve("b.ipc"), "package b;\nstruct B { y: u8 }\n");
        Files.writeString(src.resolve("notes.txt"), "not IDL");
        Path out = tmp.resolve("out");

        Run r = run("generate", "--out", out.toString(), "-I", shared.toString(), tmp.resolve("src").toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("generated 3 files");
        assertThat(out.resolve("a/A.java")).isRegularFile();
        assertThat(out.resolve("b/B.java")).isRegularFile();
        assertThat(out.resolve("c/Common.java")).isRegularFile();
    }

    @Test
    void generate_withoutTheImportRootReportsTheMissingImport() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("a.ipc"), "package a;\nimport \"common.ipc\";\nstruct A { x: u8 }\n");
        Run r = run("generate", "--out", tmp.resolve("out").toString(), src.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("common.ipc").endsWith("nothing generated" + System.lineSeparator());
    }

    @Test
    void generate_givesFilesWithoutPackageTheJavaPackageOption() throws IOException {
        Path file = Files.writeString(tmp.resolve("nopkg.ipc"), "struct S { x: u8 }\n");
        Path out = tmp.resolve("out");

        Run missing = run("generate", "--out", out.toString(), file.toString());
        Run given = run("generate", "--out", out.toString(), "--java-package", "com.example.api", file.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("package");
        assertThat(given.exitCode()).isZero();
        assertThat(out.resolve("com/example/api/S.java")).isRegularFile();
    }
}
