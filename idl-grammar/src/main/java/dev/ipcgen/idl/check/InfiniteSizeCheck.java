package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.StructDecl;
import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every struct and enum has a finite size: a struct is finite when all its fields are, an enum
 * when at least one variant is; {@code Option}, {@code Vec} and {@code HashMap} are always finite.
 * Each cycle of infinite types is reported once, at its type declared first, naming the path
 * ({@code Node.next -> Node}).
 *
 * <p>Both steps take time linear in the size of the schema, so that a huge file of types that
 * refer to each other in a long chain is checked as fast as a small one.
 */
public final class InfiniteSizeCheck implements SemanticCheck {

    /** One step along a cycle: the type it leaves, the field that holds the next type, that type. */
    private record Step(String from, String label, String target) {
    }

    /** A type held in slot {@code slot} of {@code owner}: 0 for a struct, the variant's index for an enum. */
    private record Use(String owner, int slot) {
    }

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        Set<String> finite = finiteTypes(set);
        Map<String, Integer> order = new HashMap<>();
        set.types().keySet().forEach(n -> order.put(n, order.size()));
        Set<String> walked = new HashSet<>();
        for (String start : set.types().keySet()) {
            if (finite.contains(start) || walked.contains(start)) {
                continue;
            }
            // Follow infinite fields until a type repeats. Each type is walked once over all starts:
            // a walk that reaches an earlier walk's type has found no new cycle.
            Map<String, Integer> onWalk = new HashMap<>();
            List<Step> steps = new ArrayList<>();
            String current = start;
            while (!onWalk.containsKey(current) && !walked.contains(current)) {
                onWalk.put(current, steps.size());
                Step next = infiniteStep(set, set.type(current).orElseThrow().node(), finite);
                steps.add(next);
                current = next.target();
            }
            walked.addAll(onWalk.keySet());
            if (onWalk.containsKey(current)) {
                report(set, steps.subList(onWalk.get(current), steps.size()), order, report);
            }
        }
    }

    /** Reports a cycle at its member declared first, the path starting there. */
    private static void report(SourceSet set, List<Step> cycle, Map<String, Integer> order,
            Consumer<Diagnostic> report) {
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.get(cycle.get(i).from()) < order.get(cycle.get(first).from())) {
                first = i;
            }
        }
        String name = cycle.get(first).from();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < cycle.size(); i++) {
            path.append(cycle.get((first + i) % cycle.size()).label()).append(" -> ");
        }
        path.append(name);
        Declaration d = set.type(name).orElseThrow().node();
        report.accept(Diagnostic.error(d.span(), d.kind() + " '" + d.name() + "' has infinite size: " + path
                + "; break the cycle with Option, Vec or HashMap"));
    }

    /**
     * The finite types, found from the ones that are finite by themselves: each slot (a struct, or
     * one variant of an enum) counts the types it holds directly that are not known finite yet, and
     * a type that becomes finite counts down the slots that hold it.
     */
    private static Set<String> finiteTypes(SourceSet set) {
        Map<String, int[]> pending = new HashMap<>();
        Map<String, List<Use>> usedBy = new HashMap<>();
        Deque<String> found = new ArrayDeque<>();
        for (Map.Entry<String, SourceSet.Located<Declaration>> e : set.types().entrySet()) {
            String name = e.getKey();
            List<List<TypeExpr>> slots = slots(e.getValue().node());
            int[] counts = new int[slots.size()];
            boolean finiteNow = slots.isEmpty() && e.getValue().node() instanceof EnumDecl;
            for (int slot = 0; slot < slots.size(); slot++) {
                for (TypeExpr t : slots.get(slot)) {
                    if (set.type(t.name()).isPresent()) {
                        counts[slot]++;
                        usedBy.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Use(name, slot));
                    }
                }
                finiteNow |= counts[slot] == 0;
            }
            pending.put(name, counts);
            if (finiteNow) {
                found.add(name);
            }
        }
        // An enum with no variants is reported by EnumShapeCheck; it is not a cycle.
        Set<String> finite = new HashSet<>(found);
        while (!found.isEmpty()) {
            for (Use use : usedBy.getOrDefault(found.poll(), List.of())) {
                if (!finite.contains(use.owner()) && --pending.get(use.owner())[use.slot()] == 0) {
                    finite.add(use.owner());
                    found.add(use.owner());
                }
            }
        }
        return finite;
    }

    /**
     * The types a struct or enum holds directly, by slot. Only the outermost name counts: a
     * container is finite whatever it holds.
     */
    private static List<List<TypeExpr>> slots(Declaration d) {
        if (d instanceof StructDecl s) {
            return List.of(s.fields().stream().map(FieldDecl::type).toList());
        }
        List<List<TypeExpr>> slots = new ArrayList<>();
        for (VariantDecl v : ((EnumDecl) d).variants()) {
            List<TypeExpr> held = new ArrayList<>(v.elements());
            v.fields().forEach(f -> held.add(f.type()));
            slots.add(held);
        }
        return slots;
    }

    private static boolean isInfinite(SourceSet set, TypeExpr t, Set<String> finite) {
        return set.type(t.name()).isPresent() && !finite.contains(t.name());
    }

    /** The first field or element of an infinite type that holds an infinite type. */
    private static Step infiniteStep(SourceSet set, Declaration d, Set<String> finite) {
        if (d instanceof StructDecl s) {
            for (FieldDecl f : s.fields()) {
                if (isInfinite(set, f.type(), finite)) {
                    return new Step(s.name(), s.name() + "." + f.name(), f.type().name());
                }
            }
        } else {
            EnumDecl e = (EnumDecl) d;
            for (VariantDecl v : e.variants()) {
                for (int i = 0; i < v.elements().size(); i++) {
                    if (isInfinite(set, v.elements().get(i), finite)) {
                        return new Step(e.name(), e.name() + "." + v.name() + "." + i, v.elements().get(i).name());
                    }
                }
                for (FieldDecl f : v.fields()) {
                    if (isInfinite(set, f.type(), finite)) {
                        return new Step(e.name(), e.name() + "." + v.name() + "." + f.name(), f.type().name());
                    }
                }
            }
        }
        throw new IllegalStateException("an infinite type holds no infinite type: " + d.name());
    }
}
