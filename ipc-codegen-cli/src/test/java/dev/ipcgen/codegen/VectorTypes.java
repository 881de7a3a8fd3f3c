package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.schema.BuiltinType;
import dev.ipcgen.idl.schema.EnumType;
import dev.ipcgen.idl.schema.Field;
import dev.ipcgen.idl.schema.LoadOptions;
import dev.ipcgen.idl.schema.LoadResult;
import dev.ipcgen.idl.schema.MapType;
import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.idl.schema.OptionType;
import dev.ipcgen.idl.schema.Schema;
import dev.ipcgen.idl.schema.SchemaLoader;
import dev.ipcgen.idl.schema.StructType;
import dev.ipcgen.idl.schema.TypeRef;
import dev.ipcgen.idl.schema.UserType;
import dev.ipcgen.idl.schema.Variant;
import dev.ipcgen.idl.schema.VecType;
import dev.ipcgen.runtime.Bytes;
import dev.ipcgen.runtime.codec.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The types of vectors.ipc and std.ipc (src/test/resources/vectors), generated and compiled once per
 * test run, with their schema: codecs by IDL name, and values of any of their types built from the
 * JSON of a vector or at random.
 */
final class VectorTypes {

    static final Path STD = Path.of("src/test/resources/vectors/std.ipc");
    static final Path VECTORS_ROOT = Path.of("src/test/resources/golden/vectors");

    private static VectorTypes instance;

    final Schema schema;
    private final ClassLoader loader;

    private VectorTypes(Schema schema, ClassLoader loader) {
        this.schema = schema;
        this.loader = loader;
    }

    /** The compiled types, shared by the test classes of one run. */
    static synchronized VectorTypes get() {
        if (instance == null) {
            GeneratorOptions options = new GeneratorOptions(List.of(VECTORS_ROOT), Optional.empty());
            GenerationResult r = new Generator().generate(List.of(STD), options);
            assertThat(r.diagnostics()).isEmpty();
            LoadResult loaded = new SchemaLoader(new LoadOptions(options.importRoots(), Optional.empty()))
                    .load(List.of(STD));
            try {
                Path dir = Files.createTempDirectory("ipcgen-vectors");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                JavaSources.Compiled compiled = JavaSources.compile(r.files(), dir);
                assertThat(compiled.diagnostics()).isEmpty();
                instance = new VectorTypes(loaded.schema().orElseThrow(), compiled.classLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    /** Whether the schema declares {@code name}. */
    boolean declares(String name) {
        return schema.types().containsKey(name);
    }

    /** The codec of the struct or enum {@code name}. */
    @SuppressWarnings("unchecked")
    Codec<Object> codec(String name) {
        try {
            return (Codec<Object>) javaClass(name).getField("CODEC").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generated class of {@code name} (the names of these schemas need no escaping). */
    Class<?> javaClass(String name) {
        try {
            return Class.forName(schema.type(name).javaPackage() + "." + name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The struct and enum names of the schema, sorted. */
    List<String> typeNames() {
        return schema.types().keySet().stream().sorted().toList();
    }

    // ---- from JSON (serde_json's layout) -------------------------------------------------

    /** The Java value of {@code json} (as {@link Json} reads it) for {@code type}. */
    Object fromJson(Object json, TypeRef type) {
        if (type instanceof BuiltinType b) {
            return switch (b.kind()) {
                case BOOL -> (Boolean) json;
                case U8, U16, I32 -> integer(json).intValueExact();
                case U32, I64 -> integer(json).longValueExact();
                case U64 -> integer(json).longValue();
                case I8 -> integer(json).byteValueExact();
                case I16 -> integer(json).shortValueExact();
                case F32 -> Float.parseFloat(floatText(json));
                case F64 -> Double.parseDouble(floatText(json));
                case CHAR -> {
                    String s = (String) json;
                    assertThat(s.codePointCount(0, s.length())).as("one char: %s", s).isEqualTo(1);
                    yield s.codePointAt(0);
                }
                case STRING -> (String) json;
                case BYTES -> {
                    List<?> list = (List<?>) json;
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) integer(list.get(i)).intValueExact();
                    }
                    yield Bytes.of(bytes);
                }
            };
        }
        if (type instanceof VecType v) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) json) {
                out.add(fromJson(e, v.element()));
            }
            return out;
        }
        if (type instanceof OptionType o) {
            return json == null ? Optional.empty() : Optional.of(fromJson(json, o.inner()));
        }
        if (type instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) json).entrySet()) {
                // JSON keys are strings; a number key is written as its digits.
                Object key = m.key() instanceof BuiltinType k && k.kind() != dev.ipcgen.idl.schema.Builtin.STRING
                        && k.kind() != dev.ipcgen.idl.schema.Builtin.CHAR
                        ? new Json.Num((String) e.getKey()) : e.getKey();
                out.put(fromJson(key, m.key()), fromJson(e.getValue(), m.value()));
            }
            return out;
        }
        String name = ((NamedTypeRef) type).name();
        UserType declared = schema.type(name);
        if (declared instanceof StructType s) {
            Map<?, ?> object = (Map<?, ?>) json;
            List<Object> args = new ArrayList<>();
            for (Field f : s.fields()) {
                assertThat(object.containsKey(f.name())).as("%s has %s", name, f.name()).isTrue();
                args.add(fromJson(object.get(f.name()), f.type()));
            }
            return construct(javaClass(name), args);
        }
        EnumType e = (EnumType) declared;
        if (json instanceof String unit) {
            Variant v = variant(e, unit);
            if (e.isCLike()) {
                return constant(name, unit);
            }
            assertThat(v.shape()).isEqualTo(Variant.Shape.UNIT);
            return construct(variantClass(name, unit), List.of());
        }
        Map.Entry<?, ?> only = ((Map<?, ?>) json).entrySet().iterator().next();
        String variantName = (String) only.getKey();
        Variant v = variant(e, variantName);
        List<Object> args = new ArrayList<>();
        if (v.shape() == Variant.Shape.TUPLE && v.elements().size() == 1) {
            args.add(fromJson(only.getValue(), v.elements().get(0)));
        } else if (v.shape() == Variant.Shape.TUPLE) {
            List<?> items = (List<?>) only.getValue();
            for (int i = 0; i < v.elements().size(); i++) {
                args.add(fromJson(items.get(i), v.elements().get(i)));
            }
        } else {
            Map<?, ?> object = (Map<?, ?>) only.getValue();
            for (Field f : v.fields()) {
                args.add(fromJson(object.get(f.name()), f.type()));
            }
        }
        return construct(variantClass(name, v.name()), args);
    }

    /** The one-field struct {@code name} of std.ipc holding {@code value}. */
    Object fromJsonStruct(String name, Object value) {
        return construct(javaClass(name), List.of(value));
    }

    private static BigInteger integer(Object json) {
        return new BigInteger(((Json.Num) json).text());
    }

    /** A float's text: a JSON number, or the strings "Infinity" and "-Infinity". */
    private static String floatText(Object json) {
        return json instanceof Json.Num n ? n.text() : (String) json;
    }

    private static Variant variant(EnumType e, String name) {
        return e.variants().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(e.name() + " has no variant " + name));
    }

    private Object constant(String enumName, String constant) {
        try {
            return javaClass(enumName).getField(constant).get(null);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Class<?> variantClass(String enumName, String variant) {
        try {
            return Class.forName(javaClass(enumName).getName() + "$" + variant, true, loader);
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Object construct(Class<?> record, List<Object> args) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> c = record.getDeclaredConstructor(types);
            return c.newInstance(args.toArray());
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot build " + record.getName() + " from " + args, ex);
        }
    }

    // ---- at random -----------------------------------------------------------------------

    /**
     * A random valid value of {@code type}. Past {@code depth} 4, recursion stops: options are
     * empty, lists empty, and enums take their first variant (a leaf in these schemas).
     */
    Object random(TypeRef type, Random r, int depth) {
        boolean deep = depth > 4;
        if (type instanceof BuiltinType b) {
            return switch (b.kind()) {
                case BOOL -> r.nextBoolean();
                case U8 -> r.nextInt(256);
                case U16 -> r.nextInt(65536);
                case U32 -> r.nextLong() >>> 32;
                case U64, I64 -> edgy(r);
                case I8 -> (byte) r.nextInt();
                case I16 -> (short) r.nextInt();
                case I32 -> (int) edgy(r);
                case F32 -> {
                    float f = Float.intBitsToFloat(r.nextInt());
                    yield Float.isNaN(f) ? Float.NaN : f;
                }
                case F64 -> {
                    double d = Double.longBitsToDouble(r.nextLong());
                    yield Double.isNaN(d) ? Double.NaN : d;
                }
                case CHAR -> randomCodePoint(r);
                case STRING -> randomString(r);
                case BYTES -> {
                    byte[] bytes = new byte[r.nextInt(6)];
                    r.nextBytes(bytes);
                    yield Bytes.of(bytes);
                }
            };
        }
        if (type instanceof VecType v) {
            List<Object> out = new ArrayList<>();
            for (int i = deep ? 0 : r.nextInt(4); i > 0; i--) {
                out.add(random(v.element(), r, depth + 1));
            }
            return out;
        }
        if (type instanceof OptionType o) {
            return deep || r.nextInt(3) == 0 ? Optional.empty() : Optional.of(random(o.inner(), r, depth + 1));
        }
        if (type instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = deep ? 0 : r.nextInt(4); i > 0; i--) {
                out.put(random(m.key(), r, depth + 1), random(m.value(), r, depth + 1));
            }
            return out;
        }
        String name = ((NamedTypeRef) type).name();
        UserType declared = schema.type(name);
        if (declared instanceof StructType s) {
            List<Object> args = new ArrayList<>();
            for (Field f : s.fields()) {
                args.add(random(f.type(), r, depth + 1));
            }
            return construct(javaClass(name), args);
        }
        EnumType e = (EnumType) declared;
        Variant v = e.variants().get(deep ? 0 : r.nextInt(e.variants().size()));
        if (e.isCLike()) {
            return constant(name, v.name());
        }
        List<Object> args = new ArrayList<>();
        for (TypeRef t : v.elements()) {
            args.add(random(t, r, depth + 1));
        }
        for (Field f : v.fields()) {
            args.add(random(f.type(), r, depth + 1));
        }
        return construct(variantClass(name, v.name()), args);
    }

    /** Mostly small numbers, sometimes the extremes. */
    private static long edgy(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(100);
            case 1 -> r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            case 2 -> -1;
            default -> r.nextLong();
        };
    }

    private static int randomCodePoint(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(0x80);
            case 1 -> 0x80 + r.nextInt(0x800 - 0x80);
            case 2 -> {
                int c = 0x800 + r.nextInt(0x10000 - 0x800);
                yield c >= 0xD800 && c <= 0xDFFF ? 0xE000 : c;
            }
            default -> 0x10000 + r.nextInt(0x110000 - 0x10000);
        };
    }

    private static String randomString(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            b.appendCodePoint(randomCodePoint(r));
        }
        return b.toString();
    }
}
