package dev.ipcgen.idl.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a protocol (wire-format.md section 4), whose FNV-1a 64 is its
 * fingerprint: the protocol line, then one line per struct and enum it reaches, sorted by name.
 *
 * <pre>
 * protocol p@1{get{id:u64}->{r:Option&lt;R&gt;}}
 * struct R{x:Bytes}
 * </pre>
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    /**
     * The text of protocol {@code name@version} with these messages.
     *
     * @param types every struct and enum of the set by name
     */
    public static String of(String name, long version, List<MessageType> messages, Map<String, UserType> types) {
        StringBuilder sb = new StringBuilder("protocol ").append(name).append('@').append(version).append('{');
        // Identifiers are ASCII, so String order is the order of their UTF-8 bytes.
        Map<String, UserType> reached = new TreeMap<>();
        for (int i = 0; i < messages.size(); i++) {
            MessageType m = messages.get(i);
            sb.append(i == 0 ? "" : ";").append(m.name()).append('{');
            fields(sb, m.request(), types, reached);
            sb.append('}');
            if (m.response().isPresent()) {
                sb.append("->{");
                fields(sb, m.response().get(), types, reached);
                sb.append('}');
            }
        }
        sb.append("}\n");
        for (UserType t : reached.values()) {
            if (t instanceof StructType s) {
                sb.append("struct ").append(s.name()).append('{');
                fields(sb, s.fields(), types, null);
                sb.append("}\n");
            } else {
                EnumType e = (EnumType) t;
                sb.append("enum ").append(e.name()).append('{');
                for (int i = 0; i < e.variants().size(); i++) {
                    Variant v = e.variants().get(i);
                    sb.append(i == 0 ? "" : ",").append(v.name());
                    if (v.shape() == Variant.Shape.TUPLE) {
                        List<String> elements = new ArrayList<>();
                        v.elements().forEach(x -> elements.add(x.canonical()));
                        sb.append('(').append(String.join(",", elements)).append(')');
                    } else if (v.shape() == Variant.Shape.STRUCT) {
                        sb.append('{');
                        fields(sb, v.fields(), types, null);
                        sb.append('}');
                    }
                }
                sb.append("}\n");
            }
        }
        return sb.toString();
    }

    private static void fields(StringBuilder sb, List<Field> fields, Map<String, UserType> types,
            Map<String, UserType> reached) {
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            sb.append(i == 0 ? "" : ",").append(f.name()).append(':').append(f.type().canonical());
            if (reached != null) {
                reach(f.type(), types, reached);
            }
        }
    }

    /**
     * Adds every struct and enum {@code type} reaches, transitively. Iterative: a chain of types
     * may be as long as the schema, far deeper than the stack.
     */
    private static void reach(TypeRef type, Map<String, UserType> types, Map<String, UserType> reached) {
        Deque<TypeRef> pending = new ArrayDeque<>();
        pending.push(type);
        while (!pending.isEmpty()) {
            TypeRef next = pending.pop();
            if (next instanceof VecType v) {
                pending.push(v.element());
            } else if (next instanceof OptionType o) {
                pending.push(o.inner());
            } else if (next instanceof MapType m) {
                pending.push(m.key());
                pending.push(m.value());
            } else if (next instanceof NamedTypeRef n && !reached.containsKey(n.name())) {
                UserType t = types.get(n.name());
                reached.put(n.name(), t);
                if (t instanceof StructType s) {
                    s.fields().forEach(f -> pending.push(f.type()));
                } else {
                    for (Variant v : ((EnumType) t).variants()) {
                        v.elements().forEach(pending::push);
                        v.fields().forEach(f -> pending.push(f.type()));
                    }
                }
            }
        }
    }
}
