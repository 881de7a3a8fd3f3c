package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.MessageDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.StructDecl;
import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.check.ProtocolVersions;
import dev.ipcgen.idl.check.SourceFile;
import dev.ipcgen.idl.check.SourceSet;
import dev.ipcgen.idl.check.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a checked {@link SourceSet} into a {@link Schema}: resolves type names, maps
 * {@code Vec<u8>} to {@link Builtin#BYTES}, computes Java packages, protocol ids, canonical texts
 * and fingerprints. It assumes the checks passed; it does not report anything.
 */
final class Linker {

    private final Optional<String> defaultPackage;

    Linker(Optional<String> defaultPackage) {
        this.defaultPackage = defaultPackage;
    }

    Schema link(SourceSet set) {
        Map<String, UserType> types = new LinkedHashMap<>();
        Map<SourceFile, List<UserType>> fileTypes = new LinkedHashMap<>();
        for (SourceFile f : set.files()) {
            String pkg = javaPackage(f);
            List<UserType> declared = new ArrayList<>();
            for (Declaration d : f.ast().declarations()) {
                UserType t = null;
                if (d instanceof StructDecl s) {
                    t = new StructType(s.name(), pkg, fields(s.fields()), s.doc(), s.span());
                } else if (d instanceof EnumDecl e) {
                    List<Variant> variants = new ArrayList<>();
                    for (VariantDecl v : e.variants()) {
                        variants.add(new Variant(v.name(), shape(v.form()), v.elements().stream().map(Linker::type).toList(),
                                fields(v.fields()), v.doc(), v.span()));
                    }
                    t = new EnumType(e.name(), pkg, variants, e.doc(), e.span());
                }
                if (t != null) {
                    declared.add(t);
                    types.put(t.name(), t);
                }
            }
            fileTypes.put(f, declared);
        }
        List<SchemaFile> files = new ArrayList<>();
        for (SourceFile f : set.files()) {
            String pkg = javaPackage(f);
            List<ProtocolType> protocols = new ArrayList<>();
            for (Declaration d : f.ast().declarations()) {
                if (d instanceof ProtocolDecl p) {
                    protocols.add(protocol(p, pkg, types));
                }
            }
            files.add(new SchemaFile(f.realPath(), f.displayPath(), pkg, f.ast().doc(), fileTypes.get(f), protocols,
                    f.root()));
        }
        return new Schema(files);
    }

    private String javaPackage(SourceFile f) {
        String name = f.ast().packageDecl().map(p -> p.name()).or(() -> defaultPackage).orElse("");
        return JavaPackages.of(name);
    }

    private static ProtocolType protocol(ProtocolDecl p, String pkg, Map<String, UserType> types) {
        long version = ProtocolVersions.parse(p.version()).orElseThrow();
        List<MessageType> messages = new ArrayList<>();
        for (MessageDecl m : p.messages()) {
            messages.add(new MessageType(m.name(), messages.size(), fields(m.request()), m.response().map(Linker::fields),
                    m.doc(), m.span()));
        }
        String text = CanonicalText.of(p.name(), version, messages, types);
        return new ProtocolType(p.name(), version, Fnv1a.protocolId(p.name(), version), Fnv1a.hash64(text), text, pkg,
                messages, p.doc(), p.span());
    }

    private static List<Field> fields(List<FieldDecl> fields) {
        return fields.stream().map(f -> new Field(f.name(), type(f.type()), f.doc(), f.span())).toList();
    }

    private static Variant.Shape shape(VariantDecl.Form form) {
        return switch (form) {
            case UNIT -> Variant.Shape.UNIT;
            case TUPLE -> Variant.Shape.TUPLE;
            case STRUCT -> Variant.Shape.STRUCT;
        };
    }

    /** {@code Vec<u8>} is {@code Bytes}; every other name is a built-in or a struct or enum. */
    static TypeRef type(TypeExpr t) {
        List<TypeExpr> args = t.arguments();
        switch (t.name()) {
            case TypeNames.VEC:
                TypeRef element = type(args.get(0));
                return element.equals(new BuiltinType(Builtin.U8)) ? new BuiltinType(Builtin.BYTES) : new VecType(element);
            case TypeNames.OPTION:
                return new OptionType(type(args.get(0)));
            case TypeNames.HASH_MAP:
                return new MapType(type(args.get(0)), type(args.get(1)));
            default:
                return TypeNames.scalar(t.name()).<TypeRef>map(BuiltinType::new).orElseGet(() -> new NamedTypeRef(t.name()));
        }
    }
}
