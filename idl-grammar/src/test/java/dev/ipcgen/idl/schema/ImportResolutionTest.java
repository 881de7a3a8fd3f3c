package dev.ipcgen.idl.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.testing.IpcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportResolutionTest {

    @TempDir
    Path dir;

    private IpcFiles files;

    @BeforeEach
    void setUp() {
        files = new IpcFiles(dir);
    }

    private static List<String> displayPaths(LoadResult result) {
        return result.schema().orElseThrow().files().stream().map(SchemaFile::displayPath).toList();
    }

    @Test
    void import_besideTheImporter_isShownRelativeToTheImportersDisplayFolder() {
        files.write("api/a.ipc", "package p; import \"../shared/c.ipc\"; struct A { c: C }");
        files.write("shared/c.ipc", "package p; struct C {}");

        LoadResult result = files.load("api/a.ipc");

        assertThat(displayPaths(result)).containsExactly(
                dir.resolve("api/a.ipc").toString(), dir.resolve("shared/c.ipc").toString());
        assertThat(result.schema().orElseThrow().files()).extracting(SchemaFile::root).containsExactly(true, false);
    }

    @Test
    void import_fallsBackToImportRootsInOrder() {
        files.write("a.ipc", "package p; import \"lib/c.ipc\"; struct A { c: C }");
        files.write("root1/other.ipc", "package p;");
        files.write("root2/lib/c.ipc", "package p; struct C {}");
        LoadOptions options = new LoadOptions(List.of(dir.resolve("root1"), dir.resolve("root2")), Optional.empty());

        LoadResult result = files.load(options, "a.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(displayPaths(result)).containsExactly(dir.resolve("a.ipc").toString(),
                dir.resolve("root2/lib/c.ipc").toString());
    }

    @Test
    void import_ofOneFileByTwoPaths_readsItOnce() throws IOException {
        files.write("a.ipc", "package p; import \"b.ipc\"; import \"c.ipc\"; struct A { b: B, c: C }");
        files.write("b.ipc", "package p; import \"d.ipc\"; struct B { d: D }");
        files.write("c.ipc", "package p; import \"./link.ipc\"; struct C { d: D }");
        Path d = files.write("d.ipc", "package p; struct D {}");
        Files.createSymbolicLink(dir.resolve("link.ipc"), d);

        LoadResult result = files.load("a.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(displayPaths(result)).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("a.ipc", "b.ipc", "d.ipc", "c.ipc");
    }

    @Test
    void inputs_comeFirstInTheGivenOrderEvenWhenImported() {
        files.write("a.ipc", "package p; import \"b.ipc\"; import \"c.ipc\"; struct A { b: B, c: C }");
        files.write("b.ipc", "package p; struct B {}");
        files.write("c.ipc", "package p; struct C {}");

        LoadResult result = files.load("c.ipc", "a.ipc", "c.ipc");

        assertThat(displayPaths(result)).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("c.ipc", "a.ipc", "b.ipc");
        assertThat(result.schema().orElseThrow().files()).extracting(SchemaFile::root).containsExactly(true, true, false);
    }

    @Test
    void import_cycleOfThree_isNamedInFull() {
        files.write("a.ipc", "package p; import \"b.ipc\";");
        files.write("b.ipc", "package p; import \"c.ipc\";");
        files.write("c.ipc", "package p;\nimport \"a.ipc\";");

        assertThat(files.headlines(files.load("a.ipc")))
                .containsExactly("c.ipc:2:8: error: import cycle: a.ipc -> b.ipc -> c.ipc -> a.ipc");
    }

    @Test
    void import_visibility_isDirectOnly() {
        files.write("a.ipc", "package p; import \"b.ipc\"; struct A { b: B }");
        files.write("b.ipc", "package p; import \"c.ipc\"; struct B { c: C }");
        files.write("c.ipc", "package p; struct C {}");

        LoadResult result = files.load("a.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().orElseThrow().types()).containsOnlyKeys("A", "B", "C");
    }

    @Test
    void javaPackage_segmentsThatAreKeywordsGetAnUnderscore() {
        files.write("a.ipc", "package com.enum.class.ok; struct A {}");
        files.write("b.ipc", "struct B {}");
        LoadOptions options = new LoadOptions(List.of(), Optional.of("org.default.api"));

        LoadResult result = files.load(options, "a.ipc", "b.ipc");

        assertThat(result.schema().orElseThrow().files()).extracting(SchemaFile::javaPackage)
                .containsExactly("com.enum_.class_.ok", "org.default_.api");
        assertThat(JavaPackages.of("my.record.var.x")).isEqualTo("my.record_.var_.x");
        assertThat(result.schema().orElseThrow().type("A").javaPackage()).isEqualTo("com.enum_.class_.ok");
    }

    @Test
    void schema_keepsDeclarationOrderAndForwardReferences() {
        files.write("a.ipc", "package p; protocol q version 3 { m { z: Z } } struct Z { y: Y } enum Y { One }");

        Schema schema = files.load("a.ipc").schema().orElseThrow();

        assertThat(schema.files().get(0).types()).extracting(UserType::name).containsExactly("Z", "Y");
        assertThat(schema.protocols().get(0).version()).isEqualTo(3);
        assertThat(schema.protocols().get(0).javaPackage()).isEqualTo("p");
    }
}
