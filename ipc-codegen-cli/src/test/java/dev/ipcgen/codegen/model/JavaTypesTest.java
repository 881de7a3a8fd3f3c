package dev.ipcgen.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.schema.Builtin;
import dev.ipcgen.idl.schema.BuiltinType;
import dev.ipcgen.idl.schema.EnumType;
import dev.ipcgen.idl.schema.Field;
import dev.ipcgen.idl.schema.MapType;
import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.idl.schema.OptionType;
import dev.ipcgen.idl.schema.Schema;
import dev.ipcgen.idl.schema.SchemaFile;
import dev.ipcgen.idl.schema.StructType;
import dev.ipcgen.idl.schema.TypeRef;
import dev.ipcgen.idl.schema.UserType;
import dev.ipcgen.idl.schema.Variant;
import dev.ipcgen.idl.schema.VecType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaTypesTest {

    private static final SourceSpan AT = new SourceSpan("t.ipc", 1, 1);

    private static Field field(String name, TypeRef type) {
        return new Field(name, type, Optional.empty(), AT);
    }

    private static TypeRef named(String name) {
        return new NamedTypeRef(name);
    }

    private static TypeRef builtin(Builtin b) {
        return new BuiltinType(b);
    }

    /**
     * {@code enum A { X(B), Y }}, {@code struct B { a: A, n: u8 }}, {@code enum Tree { Leaf(i32),
     * Node(Tree, Tree) }}, {@code struct Empty {}}.
     */
    private static JavaTypes types() {
        List<UserType> declared = List.of(
                new EnumType("A", "p", List.of(
                        new Variant("X", Variant.Shape.TUPLE, List.of(named("B")), List.of(), Optional.empty(), AT),
                        new Variant("Y", Variant.Shape.UNIT, List.of(), List.of(), Optional.empty(), AT)),
                        Optional.empty(), AT),
                new StructType("B", "p", List.of(field("a", named("A")), field("n", builtin(Builtin.U8))),
                        Optional.empty(), AT),
                new EnumType("Tree", "p", List.of(
                        new Variant("Leaf", Variant.Shape.TUPLE, List.of(builtin(Builtin.I32)), List.of(),
                                Optional.empty(), AT),
                        new Variant("Node", Variant.Shape.TUPLE, List.of(named("Tree"), named("Tree")), List.of(),
                                Optional.empty(), AT)),
                        Optional.empty(), AT),
                new StructType("Empty", "p", List.of(), Optional.empty(), AT));
        Schema schema = new Schema(List.of(new SchemaFile(Path.of("t.ipc"), "t.ipc", "p", Optional.empty(), declared,
                List.of(), true)));
        return new JavaTypes(schema, new JavaNames(List.of("p")));
    }

    @Test
    void minSize_ofBuiltinsAndContainers() {
        JavaTypes t = types();
        assertThat(t.minSize(builtin(Builtin.CHAR))).isEqualTo(1);
        assertThat(t.minSize(builtin(Builtin.U16))).isEqualTo(2);
        assertThat(t.minSize(builtin(Builtin.F32))).isEqualTo(4);
        assertThat(t.minSize(builtin(Builtin.STRING))).isEqualTo(8);
        assertThat(t.minSize(new OptionType(builtin(Builtin.U64)))).isEqualTo(1);
        assertThat(t.minSize(new VecType(builtin(Builtin.U64)))).isEqualTo(8);
        assertThat(t.minSize(new MapType(builtin(Builtin.U8), builtin(Builtin.U8)))).isEqualTo(8);
        assertThat(t.minSize(named("Empty"))).isZero();
    }

    @Test
    void minSize_throughACycleIsTheSmallestFiniteValue_inAnyOrder() {
        JavaTypes aFirst = types();
        assertThat(aFirst.minSize(named("A"))).isEqualTo(4);
        assertThat(aFirst.minSize(named("B"))).isEqualTo(5);

        JavaTypes bFirst = types();
        assertThat(bFirst.minSize(named("B"))).isEqualTo(5);
        assertThat(bFirst.minSize(named("A"))).isEqualTo(4);

        assertThat(types().minSize(named("Tree"))).isEqualTo(8);
    }

    @Test
    void declared_mapsTheIdlTable() {
        JavaTypes t = types();
        assertThat(t.declared(builtin(Builtin.U8))).isEqualTo("int");
        assertThat(t.declared(builtin(Builtin.U32))).isEqualTo("long");
        assertThat(t.declared(builtin(Builtin.CHAR))).isEqualTo("int");
        assertThat(t.declared(builtin(Builtin.BYTES))).isEqualTo("dev.ipcgen.runtime.Bytes");
        assertThat(t.declared(new VecType(new OptionType(builtin(Builtin.U16)))))
                .isEqualTo("java.util.List<java.util.Optional<java.lang.Integer>>");
        assertThat(t.declared(new MapType(builtin(Builtin.STRING), named("B"))))
                .isEqualTo("java.util.Map<java.lang.String, p.B>");
    }

    @Test
    void javaString_escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JavaTypes.javaString("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\012d\"");
    }
}
