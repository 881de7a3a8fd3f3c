package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.StructDecl;
import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every struct and enum has a finite size: a struct is finite when all its fields are, an enum
 * when at least one variant is; {@code Option}, {@code Vec} and {@code HashMap} are always finite.
 * Each cycle of infinite types is reported once, at its first type, naming the path
 * ({@code Node.next -> Node}).
 */
public final class InfiniteSizeCheck implements SemanticCheck {

    /** One step along a cycle: the field that holds the next type. */
    private record Step(String label, String target) {
    }

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        Map<String, Boolean> finite = finiteness(set);
        Set<Set<String>> reported = new HashSet<>();
        for (Map.Entry<String, SourceSet.Located<Declaration>> e : set.types().entrySet()) {
            if (finite.get(e.getKey())) {
                continue;
            }
            List<Step> cycle = cycleFrom(set, finite, e.getKey());
            Set<String> members = new TreeSet<>();
            cycle.forEach(s -> members.add(s.target()));
            if (!members.contains(e.getKey()) || !reported.add(members)) {
                // Not on a cycle itself (it only holds one), or that cycle is already reported.
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (Step s : cycle) {
                path.append(s.label()).append(" -> ");
            }
            path.append(e.getKey());
            Declaration d = e.getValue().node();
            report.accept(Diagnostic.error(d.span(), d.kind() + " '" + d.name() + "' has infinite size: " + path
                    + "; break the cycle with Option, Vec or HashMap"));
        }
    }

    private static Map<String, Boolean> finiteness(SourceSet set) {
        Map<String, Boolean> finite = new HashMap<>();
        set.types().keySet().forEach(n -> finite.put(n, false));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, SourceSet.Located<Declaration>> e : set.types().entrySet()) {
                if (!finite.get(e.getKey()) && isFinite(e.getValue().node(), finite)) {
                    finite.put(e.getKey(), true);
                    changed = true;
                }
            }
        }
        return finite;
    }

    private static boolean isFinite(Declaration d, Map<String, Boolean> finite) {
        if (d instanceof StructDecl s) {
            return s.fields().stream().allMatch(f -> isFinite(f.type(), finite));
        }
        EnumDecl e = (EnumDecl) d;
        // An enum with no variants is reported by EnumShapeCheck; it is not a cycle.
        return e.variants().isEmpty() || e.variants().stream().anyMatch(v -> isFinite(v, finite));
    }

    private static boolean isFinite(VariantDecl v, Map<String, Boolean> finite) {
        return v.elements().stream().allMatch(t -> isFinite(t, finite))
                && v.fields().stream().allMatch(f -> isFinite(f.type(), finite));
    }

    /** Containers hold any number of elements, zero included, so they are finite whatever they hold. */
    private static boolean isFinite(TypeExpr t, Map<String, Boolean> finite) {
        return finite.getOrDefault(t.name(), true);
    }

    /** Follows infinite fields from {@code start} until a type repeats; returns the repeating part. */
    private static List<Step> cycleFrom(SourceSet set, Map<String, Boolean> finite, String start) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        String current = start;
        while (!seen.containsKey(current)) {
            seen.put(current, steps.size());
            Step next = infiniteStep(set.type(current).orElseThrow().node(), finite);
            steps.add(next);
            current = next.target();
        }
        List<Step> cycle = steps.subList(seen.get(current), steps.size());
        return new ArrayList<>(cycle);
    }

    private static Step infiniteStep(Declaration d, Map<String, Boolean> finite) {
        if (d instanceof StructDecl s) {
            for (FieldDecl f : s.fields()) {
                if (!isFinite(f.type(), finite)) {
                    return new Step(s.name() + "." + f.name(), f.type().name());
                }
            }
        } else {
            EnumDecl e = (EnumDecl) d;
            for (VariantDecl v : e.variants()) {
                for (int i = 0; i < v.elements().size(); i++) {
                    if (!isFinite(v.elements().get(i), finite)) {
                        return new Step(e.name() + "." + v.name() + "." + i, v.elements().get(i).name());
                    }
                }
                for (FieldDecl f : v.fields()) {
                    if (!isFinite(f.type(), finite)) {
                        return new Step(e.name() + "." + v.name() + "." + f.name(), f.type().name());
                    }
                }
            }
        }
        throw new IllegalStateException("an infinite type holds no infinite type: " + d.name());
    }
}
