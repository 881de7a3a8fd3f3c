package dev.ipcgen.idl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.IdlFile;
import dev.ipcgen.idl.ast.MessageDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.StructDecl;
import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.testing.IpcFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdlParserTest {

    private final IdlParser parser = new IdlParser();

    private IdlFile parseClean(String text) {
        ParseResult r = parser.parse("t.ipc", text);
        assertThat(r.diagnostics()).extracting(Diagnostic::headline).isEmpty();
        return r.file().orElseThrow();
    }

    @Test
    void parse_example_buildsEveryDeclaration() {
        IdlFile f = parseClean(IpcFiles.EXAMPLE);

        assertThat(f.packageDecl().orElseThrow().name()).isEqualTo("dev.ipcgen.examples.basic");
        assertThat(f.imports()).extracting(i -> i.path()).containsExactly("common.ipc");
        assertThat(f.imports().get(0).span()).isEqualTo(new SourceSpan("t.ipc", 4, 8));
        assertThat(f.declarations()).extracting(d -> d.kind() + " " + d.name()).containsExactly(
                "struct User", "enum Role", "enum Shape", "protocol app_protocol", "protocol admin_protocol");
        StructDecl user = (StructDecl) f.declarations().get(0);
        assertThat(user.fields()).extracting(fd -> fd.type().text())
                .containsExactly("u64", "String", "Option<String>", "Vec<Role>", "HashMap<String, String>");
        assertThat(user.span()).isEqualTo(new SourceSpan("t.ipc", 7, 8));
    }

    @Test
    void parse_messageForms_keepRequestAndResponse() {
        IdlFile f = parseClean("""
                package p;
                protocol q version 1 {
                    a { x: u8 } -> { y: u8 }
                    b -> { y: u8 };
                    c -> { },
                    d { x: u8 }
                    e
                    f {}
                    g -> {}
                }
                """);
        List<MessageDecl> m = ((ProtocolDecl) f.declarations().get(0)).messages();

        assertThat(m).extracting(MessageDecl::name).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(m).extracting(x -> x.request().size()).containsExactly(1, 0, 0, 1, 0, 0, 0);
        assertThat(m).extracting(x -> x.response().map(List::size)).containsExactly(
                Optional.of(1), Optional.of(1), Optional.of(0), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(0));
    }

    @Test
    void parse_variants_keepTheirForms() {
        IdlFile f = parseClean("package p; enum E { A, B(u8, Vec<E>,), C { x: u8, }, D(), F {} }");
        List<VariantDecl> v = ((EnumDecl) f.declarations().get(0)).variants();

        assertThat(v).extracting(VariantDecl::form).containsExactly(VariantDecl.Form.UNIT, VariantDecl.Form.TUPLE,
                VariantDecl.Form.STRUCT, VariantDecl.Form.TUPLE, VariantDecl.Form.STRUCT);
        assertThat(v.get(1).elements()).extracting(TypeExpr::text).containsExactly("u8", "Vec<E>");
    }

    @Test
    void parse_contextualKeywords_areNames() {
        IdlFile f = parseClean("""
                package package.import;
                struct struct { version: u32, enum: u8, protocol: u8, import: u8, package: u8, struct: u8 }
                protocol version version 2 { enum { struct: u8 } import -> {} protocol }
                """);

        assertThat(f.packageDecl().orElseThrow().segments()).containsExactly("package", "import");
        assertThat(((StructDecl) f.declarations().get(0)).fields()).extracting(FieldDecl::name)
                .containsExactly("version", "enum", "protocol", "import", "package", "struct");
        ProtocolDecl p = (ProtocolDecl) f.declarations().get(1);
        assertThat(p.name()).isEqualTo("version");
        assertThat(p.version()).isEqualTo("2");
        assertThat(p.messages()).extracting(MessageDecl::name).containsExactly("enum", "import", "protocol");
    }

    @Test
    void parse_docComments_attachToTheNextDeclaration() {
        IdlFile f = parseClean("""
                /// The file.
                ///   Indented line.
                package p;
                /// A struct.
                // a plain comment between is fine
                /// Second line.
                struct A {
                    /// A field.
                    x: u8,
                    //// not a doc comment
                    /** nor this */
                    y: u8,
                }
                enum E {
                    /// A variant.
                    V,
                }
                protocol q version 1 {
                    /// A message.
                    m
                }
                """);

        assertThat(f.doc()).contains("The file.\n  Indented line.");
        StructDecl a = (StructDecl) f.declarations().get(0);
        assertThat(a.doc()).contains("A struct.\nSecond line.");
        assertThat(a.fields().get(0).doc()).contains("A field.");
        assertThat(a.fields().get(1).doc()).isEmpty();
        assertThat(((EnumDecl) f.declarations().get(1)).variants().get(0).doc()).contains("A variant.");
        assertThat(((ProtocolDecl) f.declarations().get(2)).messages().get(0).doc()).contains("A message.");
    }

    @Test
    void parse_docCommentBeforeFirstItemWithoutPackage_documentsTheItem() {
        IdlFile f = parseClean("/// Doc.\nstruct A {}");

        assertThat(f.doc()).isEmpty();
        assertThat(f.declarations().get(0).doc()).contains("Doc.");
    }

    @Test
    void parse_columns_countCodePointsAndTabsAsOne() {
        IdlFile f = parseClean("\uFEFFpackage p;\n\t/* \uD83D\uDE00 é */ struct A {}");

        assertThat(f.packageDecl().orElseThrow().span()).isEqualTo(new SourceSpan("t.ipc", 1, 9));
        assertThat(f.declarations().get(0).span()).isEqualTo(new SourceSpan("t.ipc", 2, 19));
    }

    @Test
    void parse_bytesWithBom_skipsIt() {
        byte[] bytes = "\uFEFFpackage p; struct A {}".getBytes(StandardCharsets.UTF_8);

        ParseResult r = parser.parse("t.ipc", bytes);

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.file().orElseThrow().packageDecl().orElseThrow().span().column()).isEqualTo(9);
    }

    @Test
    void parse_invalidUtf8_isOneErrorAtTheBadByte() {
        byte[] bytes = {'p', 'a', 'c', 'k', '\n', 'a', 'b', (byte) 0xC3, '('};

        ParseResult r = parser.parse("t.ipc", bytes);

        assertThat(r.file()).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::headline)
                .containsExactly("t.ipc:2:3: error: not valid UTF-8: byte 0xC3 at offset 7");
    }

    @Test
    void parse_nestedBlockComments_followRustRules() {
        assertThat(parser.parse("t.ipc", "package p; /* a /* b */ c */ struct A {}").diagnostics()).isEmpty();
        assertThat(parser.parse("t.ipc", "package p; /*/ */ struct A {}").diagnostics()).isEmpty();
        assertThat(parser.parse("t.ipc", "package p;\n/* /* */ struct A {}").diagnostics())
                .extracting(Diagnostic::headline).containsExactly("t.ipc:2:1: error: unterminated block comment");
    }

    @Test
    void parse_afterSyntaxErrors_keepsWhatCouldBeRead() {
        ParseResult r = parser.parse("t.ipc", "package p; import \"b.ipc\"; struct A { x u8, y: u16 } struct B {}");

        assertThat(r.hasErrors()).isTrue();
        IdlFile f = r.file().orElseThrow();
        assertThat(f.imports()).hasSize(1);
        assertThat(f.declarations()).extracting(d -> d.name()).containsExactly("A", "B");
    }
}
