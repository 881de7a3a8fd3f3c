package dev.ipcgen.idl.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.testing.IpcFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input to exact diagnostics, one case per rule. A case's source is one file {@code a.ipc}, or
 * several, each introduced by a line {@code ----name}; a {@code +} before the name makes it a file
 * that is only imported, not an input.
 */
class DiagnosticsTableTest {

    @TempDir
    Path dir;

    record Case(String name, String source, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String source, String... expected) {
        return new Case(name, source, List.of(expected));
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ------------------------------------------------------------ syntax
                c("missing colon", "package p; struct A { x u8 }",
                        "a.ipc:1:25: error: missing ':' before 'u8'"),
                c("stray semicolon after a struct", "package p; struct A { x: u8 };",
                        "a.ipc:1:30: error: unexpected ';' at top level: remove it"),
                c("stray semicolon after package", "package p;\n;\nstruct A {}",
                        "a.ipc:2:1: error: unexpected ';' at top level: remove it"),
                c("unexpected end of file", "package p; protocol",
                        "a.ipc:1:20: error: unexpected end of file, expecting an identifier"),
                c("junk at top level", "package p; struct A { x: u8 } foo",
                        "a.ipc:1:31: error: extraneous input 'foo', expecting end of file, 'package', 'import', "
                                + "'struct', 'enum' or 'protocol'"),
                c("unclosed type arguments", "package p; struct A { x: Vec<u8 }",
                        "a.ipc:1:33: error: mismatched input '}', expecting '>' or ','"),
                c("version not a number", "package p; protocol q version x {}",
                        "a.ipc:1:31: error: mismatched input 'x', expecting a number"),
                c("empty field in a list", "package p; protocol q version 1 { a { , } }",
                        "a.ipc:1:39: error: extraneous input ',', expecting '}' or an identifier"),
                c("double comma", "package p; struct A { x: u8, , y: u8 }",
                        "a.ipc:1:30: error: mismatched input ',', expecting '}'"),
                c("all syntax errors are reported", "package p;\nstruct A { x u8 }\nstruct B { y: }\n",
                        "a.ipc:2:14: error: missing ':' before 'u8'",
                        "a.ipc:3:15: error: missing an identifier before '}'"),
                c("unterminated block comment, nested", "package p;\nstruct A {} /* a /* b */\nstruct B {}",
                        "a.ipc:2:13: error: unterminated block comment"),
                c("unterminated string", "package p; import \"b.ipc;\n",
                        "a.ipc:1:19: error: unterminated string",
                        "a.ipc:2:1: error: missing ';' before end of file"),
                c("unexpected character", "package p;\n\tstruct A { x: u8 # }",
                        "a.ipc:2:19: error: unexpected character '#'"),
                c("import after a declaration", "package p; struct A {} import \"b.ipc\";\n----+b.ipc\npackage p;",
                        "a.ipc:1:31: error: imports must come before structs, enums and protocols"),
                c("package after an import", "import \"b.ipc\"; package q;\n----+b.ipc\npackage p;",
                        "a.ipc:1:25: error: the package declaration must come first, before imports and declarations"),
                c("second package", "package p; package q;",
                        "a.ipc:1:20: error: duplicate package declaration: the package is already declared at a.ipc:1:9"),
                c("misspelled keyword at top level", "package p; strcut Foo {}",
                        "a.ipc:1:12: error: 'strcut' is not a keyword: did you mean 'struct'?"),
                c("misspelled package keyword", "pakage p; struct A {}",
                        "a.ipc:1:1: error: 'pakage' is not a keyword: did you mean 'package'?"),
                c("misspelled version keyword", "package p; protocol q verison 1 { m }",
                        "a.ipc:1:23: error: 'verison' is not a keyword: did you mean 'version'?"),
                c("keyword of another IDL", "package p; service Api { m }",
                        "a.ipc:1:12: error: 'service' is not a keyword: did you mean 'protocol'?"),
                c("name where a keyword must be, not close to one", "package p; Foo {}",
                        "a.ipc:1:12: error: extraneous input 'Foo', expecting end of file, 'package', 'import', "
                                + "'struct', 'enum' or 'protocol'"),
                c("invalid UTF-8", "package p;\nstruct A { x: u8 } // caf\\xC3(\n",
                        "a.ipc:2:26: error: not valid UTF-8: byte 0xC3 at offset 36"),
                c("name of underscores", "package p; struct A { __: u8 }",
                        "a.ipc:1:23: error: '__' is not a valid name: a name needs a letter or digit"),
                c("types nested too deep", "package p; struct A { x: " + "Option<".repeat(65) + "u8" + ">".repeat(65) + " }",
                        "a.ipc:1:" + (26 + 7 * 64 + 6) + ": error: types nest deeper than 64 levels"),
                // ------------------------------------------------------------ types
                c("unknown type with suggestion", "package p; struct A { x: Usr } struct User {}",
                        "a.ipc:1:26: error: unknown type 'Usr': did you mean 'User'?"),
                c("unknown builtin with suggestion", "package p; struct A { x: Strin, y: u6 }",
                        "a.ipc:1:26: error: unknown type 'Strin': did you mean 'String'?",
                        "a.ipc:1:36: error: unknown type 'u6': did you mean 'u8'?"),
                c("misspelled containers", "package p; struct A { a: Vecc<u8>, b: Optoin<u8>, c: Hashmap<u8, u8>, d: vec<u8> }",
                        "a.ipc:1:26: error: unknown type 'Vecc': did you mean 'Vec'?",
                        "a.ipc:1:39: error: unknown type 'Optoin': did you mean 'Option'?",
                        "a.ipc:1:54: error: unknown type 'Hashmap': did you mean 'HashMap'?",
                        "a.ipc:1:74: error: unknown type 'vec': did you mean 'Vec'?"),
                c("familiar name from another language", "package p; struct A { x: List<u8> }",
                        "a.ipc:1:26: error: unknown type 'List': did you mean 'Vec'?"),
                c("unknown type without suggestion", "package p; struct A { x: Nothing }",
                        "a.ipc:1:26: error: unknown type 'Nothing'"),
                c("type not imported", "package p; import \"b.ipc\"; struct A { c: C }\n"
                                + "----+b.ipc\npackage p; import \"c.ipc\"; struct B { c: C }\n"
                                + "----+c.ipc\npackage p; struct C {}",
                        "a.ipc:1:19: warning: unused import 'b.ipc'",
                        "a.ipc:1:42: error: type 'C' is declared in 'c.ipc', which this file does not import"),
                c("wrong number of type arguments",
                        "package p; struct A { a: Vec<u8, u8>, b: Option, c: HashMap<u8>, d: u8<u8>, e: B<u8> } struct B {}",
                        "a.ipc:1:26: error: 'Vec' takes one type argument, found 2",
                        "a.ipc:1:42: error: 'Option' takes one type argument, found 0",
                        "a.ipc:1:53: error: 'HashMap' takes two type arguments, found 1",
                        "a.ipc:1:69: error: 'u8' takes no type arguments, found 1",
                        "a.ipc:1:80: error: 'B' takes no type arguments, found 1"),
                c("Box", "package p; struct Node { next: Box<Node> }",
                        "a.ipc:1:32: error: no need for 'Box<Node>': write 'Node', fields are references already"),
                c("HashMap keys", "package p; struct A { a: HashMap<f64, u8>, b: HashMap<Bytes, u8>, "
                                + "c: HashMap<E, u8>, d: HashMap<F, u8>, e: HashMap<Vec<u8>, u8>, f: HashMap<String, A> }\n"
                                + "enum E { X } enum F { Y(u8) }",
                        "a.ipc:1:34: error: 'f64' cannot be a HashMap key: use an integer, bool, char, String or a C-like enum",
                        "a.ipc:1:55: error: 'Bytes' cannot be a HashMap key: use an integer, bool, char, String or a C-like enum",
                        "a.ipc:1:97: error: 'F' cannot be a HashMap key: use an integer, bool, char, String or a C-like enum",
                        "a.ipc:1:116: error: 'Vec<u8>' cannot be a HashMap key: use an integer, bool, char, String or a C-like enum"),
                c("built-in name for a struct", "package p; struct String {} enum Vec { A }",
                        "a.ipc:1:19: error: 'String' is a built-in type and cannot name a struct: choose another name",
                        "a.ipc:1:34: error: 'Vec' is a built-in type and cannot name an enum: choose another name"),
                // ------------------------------------------------------------ sizes and enums
                c("infinite struct", "package p;\nstruct Node { next: Node }\nstruct List { head: Option<List> }",
                        "a.ipc:2:8: error: struct 'Node' has infinite size: Node.next -> Node; "
                                + "break the cycle with Option, Vec or HashMap"),
                c("infinite cycle reported once", "package p; struct A { b: B } struct B { a: A } struct C { a: A }",
                        "a.ipc:1:19: error: struct 'A' has infinite size: A.b -> B.a -> A; "
                                + "break the cycle with Option, Vec or HashMap"),
                c("infinite enum", "package p; enum E { V(u8, E), W { e: E } }\nenum Fine { Leaf, Node(Fine) }",
                        "a.ipc:1:17: error: enum 'E' has infinite size: E.V.1 -> E; "
                                + "break the cycle with Option, Vec or HashMap"),
                c("zero-variant enum", "package p; enum E {}",
                        "a.ipc:1:17: error: enum 'E' has no variants: add at least one"),
                c("empty variant lists", "package p; enum E { V(), W {}, X }",
                        "a.ipc:1:21: error: variant 'V' has an empty '()': write 'V'",
                        "a.ipc:1:26: error: variant 'W' has an empty '{}': write 'W'"),
                // ------------------------------------------------------------ duplicates
                c("duplicate type in one file", "package p;\nstruct A {}\nenum A { X }",
                        "a.ipc:3:6: error: duplicate type name 'A': a struct 'A' is already declared at a.ipc:2:8"),
                c("duplicate type across files", "package p; import \"b.ipc\"; struct A { b: B }\n"
                                + "----+b.ipc\npackage q; struct A {} struct B {}",
                        "b.ipc:1:19: error: duplicate type name 'A': a struct 'A' is already declared at a.ipc:1:35"),
                c("duplicate protocol", "package p; protocol q version 1 { m } protocol q version 1 { m }",
                        "a.ipc:1:48: error: duplicate protocol 'q' version 1: already declared at a.ipc:1:21"),
                c("duplicate field, variant, message",
                        "package p; struct A { x: u8, x: u16 } enum E { V, V } "
                                + "protocol q version 1 { m m n { a: u8, a: u8 } -> { a: u8 } }",
                        "a.ipc:1:30: error: duplicate field 'x' in struct 'A': already declared at a.ipc:1:23",
                        "a.ipc:1:51: error: duplicate variant 'V' in enum 'E': already declared at a.ipc:1:48",
                        "a.ipc:1:80: error: duplicate message 'm' in protocol 'q': already declared at a.ipc:1:78",
                        "a.ipc:1:93: error: duplicate field 'a' in the request of 'n': already declared at a.ipc:1:86"),
                // ------------------------------------------------------------ Java name clashes
                c("fields that become one Java name", "package p;\nstruct A { user_id: u64, userId: u64 }",
                        "a.ipc:2:26: error: field 'userId' and field 'user_id' (a.ipc:2:12) both become 'userId' in Java "
                                + "(struct 'A'): rename one"),
                c("fields that become one Java name through escapes",
                        "package p; protocol q version 1 { m { class: u8, class_: u8 } -> { name: u8, name_: u8 } }",
                        "a.ipc:1:50: error: field 'class_' and field 'class' (a.ipc:1:39) both become 'class_' in Java "
                                + "(the request of 'm'): rename one",
                        "a.ipc:1:78: error: field 'name_' and field 'name' (a.ipc:1:68) both become 'name' in Java "
                                + "(the response of 'm'): rename one"),
                c("structs differing only in case", "package p; struct S {}\nstruct s {}",
                        "a.ipc:2:8: error: struct 's' and struct 'S' (a.ipc:1:19) become classes 's' and 'S' in Java "
                                + "package 'p', one file on case-insensitive file systems: rename one"),
                c("case clash across files of one package", "package p; import \"b.ipc\"; struct Item { b: B }\n"
                                + "----+b.ipc\npackage p; struct B {} enum item { X }",
                        "b.ipc:1:29: error: enum 'item' and struct 'Item' (a.ipc:1:35) become classes 'item' and 'Item' "
                                + "in Java package 'p', one file on case-insensitive file systems: rename one"),
                c("same names in different packages are fine", "package p; import \"b.ipc\"; struct S { b: b }\n"
                                + "----+b.ipc\npackage q; struct b {} protocol s version 1 { m }"),
                c("protocol beside a struct of its class name", "package p; protocol user version 1 { m } struct User {}",
                        "a.ipc:1:49: error: struct 'User' and protocol 'user' (a.ipc:1:21) both become class 'User' in "
                                + "Java package 'p': rename one"),
                c("two versions of a protocol in one package", "package p; protocol q version 1 { m }\n"
                                + "protocol q version 2 { m }",
                        "a.ipc:2:10: error: protocol 'q' version 2 and protocol 'q' version 1 (a.ipc:1:21) both become "
                                + "class 'Q' in Java package 'p': rename one"),
                c("variant named like its enum", "package p; enum Shape { Circle(f64), Shape(u8) } enum Role { Role }",
                        "a.ipc:1:38: error: variant 'Shape' and enum 'Shape' (a.ipc:1:17) both become 'Shape' in Java, "
                                + "where a variant's record is nested in its enum and may not share its name: "
                                + "rename the variant"),
                c("variants that become one Java name", "package p; enum E { CODEC, CODEC_ } enum F { var(u8), var_ }",
                        "a.ipc:1:28: error: variant 'CODEC_' and variant 'CODEC' (a.ipc:1:21) both become 'CODEC_' in "
                                + "Java (enum 'E'): rename one",
                        "a.ipc:1:55: error: variant 'var_' and variant 'var' (a.ipc:1:46) both become 'var_' in Java "
                                + "(enum 'F'): rename one"),
                c("messages that become one Java name", "package p; protocol q version 1 { get_user getUser }",
                        "a.ipc:1:44: error: message 'getUser' and message 'get_user' (a.ipc:1:35) both become 'getUser' "
                                + "in Java (protocol 'q'): rename one"),
                // ------------------------------------------------------------ protocols
                c("version out of range", "package p;\nprotocol x version 0 { m }\nprotocol z version 4294967296 { m }",
                        "a.ipc:2:20: error: version 0 of protocol 'x' is out of range: versions are 1 to 4294967295",
                        "a.ipc:3:20: error: version 4294967296 of protocol 'z' is out of range: versions are 1 to 4294967295"),
                c("version with leading zero", "package p; protocol y version 01 { m }",
                        "a.ipc:1:31: error: version 01 of protocol 'y' has a leading zero: write 1"),
                c("largest version is fine", "package p; protocol w version 4294967295 { m }"),
                c("protocol id collision", "package p; protocol proto_317878 version 1 { m }\n"
                                + "protocol proto_2239484 version 1 { m }",
                        "a.ipc:2:10: error: protocol id 0x9288CBB9 of 'proto_2239484@1' collides with "
                                + "'proto_317878@1' at a.ipc:1:21: rename one of them"),
                c("protocol id zero", "package p; protocol pjx_vorpqgguv version 1 { m }",
                        "a.ipc:1:21: error: the protocol id of 'pjx_vorpqgguv@1' is 0, which is reserved for "
                                + "connection-level frames: rename the protocol or change its version"),
                c("too many messages", "package p; protocol q version 1 {"
                                + IntStream.range(0, 65_537).mapToObj(i -> " m" + i).collect(Collectors.joining()) + " }",
                        "a.ipc:1:21: error: protocol 'q' has 65537 messages; at most 65536 are allowed"),
                c("protocol with no messages", "package p; protocol q version 1 {}",
                        "a.ipc:1:21: warning: protocol 'q' has no messages"),
                // ------------------------------------------------------------ files and imports
                c("missing package", "struct A {}",
                        "a.ipc:1:1: error: missing package declaration: add 'package a.b.c;' or give a default Java package"),
                c("missing import", "package p;\nimport \"nope.ipc\";",
                        "a.ipc:2:8: error: cannot find import 'nope.ipc'"),
                c("self import", "package p; import \"a.ipc\";",
                        "a.ipc:1:19: error: 'a.ipc' imports itself"),
                c("import cycle", "package p; import \"b.ipc\";\n----+b.ipc\npackage p; import \"a.ipc\";",
                        "b.ipc:1:19: error: import cycle: a.ipc -> b.ipc -> a.ipc"),
                c("unused import", "package p; import \"b.ipc\";\n----+b.ipc\npackage p; struct B {}",
                        "a.ipc:1:19: warning: unused import 'b.ipc'"),
                c("doc comment with nothing to attach to", "package p;\n/// orphan\nimport \"b.ipc\";\n"
                                + "struct A { b: B /// dangling\n}\n/// at the end\n----+b.ipc\npackage p; struct B {}",
                        "a.ipc:2:1: warning: doc comment has nothing to attach to: use // for a plain comment",
                        "a.ipc:4:17: warning: doc comment has nothing to attach to: use // for a plain comment",
                        "a.ipc:6:1: warning: doc comment has nothing to attach to: use // for a plain comment"),
                c("at most 100 errors in a run", "package p; struct A {"
                                + IntStream.range(0, 105).mapToObj(i -> " f" + i + ": X,").collect(Collectors.joining())
                                + " }",
                        Stream.concat(IntStream.range(0, 100).mapToObj(i -> "a.ipc:1:" + (i < 10 ? 27 + 7 * i : 98 + 8 * (i - 10))
                                        + ": error: unknown type 'X'"),
                                Stream.of("error: too many errors; 5 more not shown")).toArray(String[]::new)),
                c("at most 100 warnings in a run", "package p;\n" + "/// orphan\n;\n".repeat(102),
                        Stream.concat(IntStream.range(0, 200).mapToObj(i -> i % 2 == 0
                                        ? "a.ipc:" + (2 + i) + ":1: warning: doc comment has nothing to attach to: use // for a plain comment"
                                        : "a.ipc:" + (2 + i) + ":1: error: unexpected ';' at top level: remove it"),
                                Stream.of("error: too many errors; 2 more not shown",
                                        "warning: too many warnings; 2 more not shown")).toArray(String[]::new)),
                c("errors sorted by file then position", "package p; import \"b.ipc\"; struct A { x: Nope }\n"
                                + "----b.ipc\npackage p; struct B { y: Nope }\n",
                        "a.ipc:1:19: warning: unused import 'b.ipc'",
                        "a.ipc:1:42: error: unknown type 'Nope'",
                        "b.ipc:1:26: error: unknown type 'Nope'"));
    }

    /** UTF-8, except that {@code \\xHH} stands for the byte HH, to write invalid UTF-8. */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = text.split("\\\\x", -1);
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < parts.length; i++) {
            out.write(Integer.parseInt(parts[i].substring(0, 2), 16));
            out.writeBytes(parts[i].substring(2).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void load_reportsExactly(Case c) {
        IpcFiles files = new IpcFiles(dir);
        List<String> inputs = new ArrayList<>();
        String source = c.source().startsWith("----") ? c.source() : "----a.ipc\n" + c.source();
        for (String part : source.split("(?m)^----")) {
            if (part.isEmpty()) {
                continue;
            }
            int newline = part.indexOf('\n');
            String name = part.substring(0, newline);
            boolean input = !name.startsWith("+");
            name = input ? name : name.substring(1);
            files.write(name, bytes(part.substring(newline + 1)));
            if (input) {
                inputs.add(name);
            }
        }

        LoadResult result = files.load(inputs.toArray(String[]::new));

        assertThat(files.headlines(result)).containsExactlyElementsOf(c.expected());
        assertThat(result.schema().isPresent()).isEqualTo(!result.hasErrors());
    }
}
