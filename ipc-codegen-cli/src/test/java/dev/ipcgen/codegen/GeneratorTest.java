package dev.ipcgen.codegen;

import static dev.ipcgen.codegen.BasicSchema.AT;
import static dev.ipcgen.codegen.BasicSchema.PACKAGE;
import static dev.ipcgen.codegen.BasicSchema.builtin;
import static dev.ipcgen.codegen.BasicSchema.field;
import static dev.ipcgen.codegen.BasicSchema.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.schema.Builtin;
import dev.ipcgen.idl.schema.EnumType;
import dev.ipcgen.idl.schema.Schema;
import dev.ipcgen.idl.schema.SchemaFile;
import dev.ipcgen.idl.schema.StructType;
import dev.ipcgen.idl.schema.UserType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    Path tmp;

    private static Schema schemaOf(UserType... types) {
        return new Schema(List.of(new SchemaFile(Path.of("t.ipc"), "t.ipc", PACKAGE, Optional.empty(), List.of(types),
                List.of(), true)));
    }

    private static List<String> errors(Schema schema) {
        GenerationResult r = new Generator().generate(schema);
        assertThat(r.files()).isEmpty();
        return r.diagnostics().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void generate_reportsFieldsThatBecomeOneJavaName() {
        StructType s = new StructType("S", PACKAGE, List.of(field("class", builtin(Builtin.U8)),
                new dev.ipcgen.idl.schema.Field("class_", builtin(Builtin.U8), Optional.empty(),
                        new SourceSpan("t.ipc", 3, 5))), Optional.empty(), AT);

        assertThat(errors(schemaOf(s))).containsExactly(
                "t.ipc:3:5: error: 'class_' and 'class' (basic.ipc:1:1) both become 'class_' in Java (struct S); rename one");
    }

    @Test
    void generate_reportsTypesDifferingOnlyInCaseInOnePackage() {
        StructType upper = new StructType("Item", PACKAGE, List.of(), Optional.empty(), AT);
        StructType lower = new StructType("item", PACKAGE, List.of(), Optional.empty(), AT);

        assertThat(errors(schemaOf(upper, lower))).singleElement().asString()
                .contains("'item' and 'Item'").contains("package " + PACKAGE);
    }

    @Test
    void generate_reportsEnumConstantsThatBecomeOneJavaName() {
        EnumType e = new EnumType("E", PACKAGE, List.of(unit("CODEC"), unit("CODEC_")), Optional.empty(), AT);

        assertThat(errors(schemaOf(e))).singleElement().asString().contains("both become 'CODEC_'");
    }

    @Test
    void generate_namesFilesAfterTheirPackageAndClass() {
        List<GeneratedFile> files = new Generator().generate(BasicSchema.schema()).files();

        assertThat(files).extracting(GeneratedFile::relativePath).containsExactly(
                "dev/ipcgen/examples/basic/User.java", "dev/ipcgen/examples/basic/Role.java",
                "dev/ipcgen/examples/basic/AppProtocol.java", "dev/ipcgen/examples/basic/AdminProtocol.java");
    }

    @Test
    void generate_reportsLoaderErrorsWithoutFiles() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.ipc"), "package p;\nstruct S { x: Strin }\n");

        GenerationResult r = new Generator().generate(List.of(bad), GeneratorOptions.defaults());

        assertThat(r.hasErrors()).isTrue();
        assertThat(r.files()).isEmpty();
        assertThat(r.diagnostics()).first().extracting(Diagnostic::headline).asString().contains("Strin");
    }

    @Test
    void generate_refusesADefaultPackageThatIsNotAJavaPackage() throws IOException {
        Path noPackage = Files.writeString(tmp.resolve("p.ipc"), "struct S { x: u8 }\n");

        GenerationResult r = new Generator().generate(List.of(noPackage),
                new GeneratorOptions(List.of(), Optional.of("a.1b")));

        assertThat(r.files()).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::headline).containsExactly("error: default Java package 'a.1b' "
                + "is not a package name (expected: identifiers separated by dots, e.g. com.example.api)");
    }

    @Test
    void generate_usesTheDefaultPackageForFilesWithout() throws IOException {
        Path noPackage = Files.writeString(tmp.resolve("p.ipc"), "struct S { x: u8 }\n");

        GenerationResult r = new Generator().generate(List.of(noPackage),
                new GeneratorOptions(List.of(), Optional.of("com.int.api")));

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.files()).extracting(GeneratedFile::relativePath).containsExactly("com/int_/api/S.java");
    }

    @Test
    void write_leavesUnchangedFilesAlone() throws IOException {
        List<GeneratedFile> files = List.of(new GeneratedFile("a/b/C.java", "class C {}\n"));
        Generator.write(files, tmp);
        Path c = tmp.resolve("a/b/C.java");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(c, old);

        Generator.write(files, tmp);
        assertThat(Files.getLastModifiedTime(c)).isEqualTo(old);

        Generator.write(List.of(new GeneratedFile("a/b/C.java", "class C { }\n")), tmp);
        assertThat(Files.readString(c)).isEqualTo("class C { }\n");
    }

    @Test
    void write_failsWithOneLineWhenTheOutputIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        assertThatThrownBy(() -> Generator.write(List.of(new GeneratedFile("C.java", "")), file.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot create output directory " + file.resolve("out") + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void generate_reportsAPackageHiddenByAVariableOfGeneratedCodecs() throws IOException {
        Path file = Files.writeString(tmp.resolve("v.ipc"), "/// Doc.\npackage value.api;\nstruct S { x: u8 }\n");

        GenerationResult r = new Generator().generate(List.of(file), GeneratorOptions.defaults());

        assertThat(r.files()).isEmpty();
        assertThat(r.diagnostics()).singleElement().extracting(Diagnostic::headline).asString()
                .startsWith(file + ":2:1: error: Java package 'value.api' starts with 'value'");
    }

    @Test
    void check_reportsWhatGenerateReportsAndRendersNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("c.ipc"), "package a;\nstruct S { user_id: u8, userId: u8 }\n");
        Path good = Files.writeString(tmp.resolve("g.ipc"), "package a;\nstruct S { x: u8 }\n");

        GenerationResult checked = new Generator().check(List.of(file), GeneratorOptions.defaults());
        GenerationResult generated = new Generator().generate(List.of(file), GeneratorOptions.defaults());

        assertThat(checked.hasErrors()).isTrue();
        assertThat(checked.diagnostics()).isEqualTo(generated.diagnostics());
        assertThat(new Generator().check(List.of(good), GeneratorOptions.defaults()))
                .satisfies(r -> assertThat(r.diagnostics()).isEmpty())
                .satisfies(r -> assertThat(r.files()).isEmpty());
    }

    @Test
    void generate_notesHowU64AndCharComponentsPrint() throws IOException {
        Path file = Files.writeString(tmp.resolve("n.ipc"), "package a;\nstruct S { id: u64, c: Vec<char> }\n");

        String java = new Generator().generate(List.of(file), GeneratorOptions.defaults()).files().get(0).content();

        assertThat(java).contains(" * {@code u64} values are held in a {@code long}")
                .contains(" * <p>{@code char} values are code points in an {@code int}");
    }
}
