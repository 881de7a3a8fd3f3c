package dev.ipcgen.idl.testing;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.schema.LoadOptions;
import dev.ipcgen.idl.schema.LoadResult;
import dev.ipcgen.idl.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the files named by its arguments and prints what a user would learn: whether a schema came
 * out, how many diagnostics, the first and last headline, and those without a place. Run in a child JVM with a small heap by
 * tests of huge inputs; anything thrown ends the JVM with a stack trace and a non-zero status.
 */
public final class LoadMain {

    private LoadMain() {
    }

    /** Loads {@code args} as the inputs of one run. */
    public static void main(String[] args) {
        List<Path> inputs = new ArrayList<>();
        for (String a : args) {
            inputs.add(Path.of(a));
        }
        LoadResult result = new SchemaLoader(LoadOptions.defaults()).load(inputs);
        List<Diagnostic> d = result.diagnostics();
        System.out.println("schema=" + result.schema().isPresent() + " diagnostics=" + d.size());
        if (!d.isEmpty()) {
            System.out.println("first=" + d.get(0).headline());
            System.out.println("last=" + d.get(d.size() - 1).headline());
        }
        d.stream().filter(x -> x.span() == null).forEach(x -> System.out.println("unplaced=" + x.headline()));
        result.schema().ifPresent(s -> System.out.println("types=" + s.files().get(0).types().size()
                + " protocols=" + s.files().get(0).protocols().size()));
    }
}
