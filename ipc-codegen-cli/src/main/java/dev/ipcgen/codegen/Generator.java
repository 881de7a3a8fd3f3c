package dev.ipcgen.codegen;

import dev.ipcgen.codegen.model.FileModel;
import dev.ipcgen.codegen.model.JavaModel;
import dev.ipcgen.codegen.model.JavaModelBuilder;
import dev.ipcgen.codegen.template.Templates;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.schema.LoadOptions;
import dev.ipcgen.idl.schema.LoadResult;
import dev.ipcgen.idl.schema.Schema;
import dev.ipcgen.idl.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generator as a library: {@code .ipc} files in, Java files and diagnostics out. The
 * {@code ipcgen} CLI and the Maven plugin are thin front ends over this class.
 *
 * <p>The pipeline: {@link SchemaLoader} (parse, link, check) to a {@link Schema}, then a Java view
 * model ({@code dev.ipcgen.codegen.model}), then one FreeMarker template per kind of file. Output is
 * deterministic: the same schema gives the same files, in the same order, with the same bytes.
 */
public final class Generator {

    private static final Pattern JAVA_PACKAGE =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    /** Loads, checks and renders {@code inputs}; never throws for bad input. */
    public GenerationResult generate(List<Path> inputs, GeneratorOptions options) {
        return run(inputs, options, true);
    }

    /**
     * Everything {@link #generate(List, GeneratorOptions)} reports, without rendering: the loader's
     * diagnostics and the Java name clashes of the generator. The result holds no files.
     */
    public GenerationResult check(List<Path> inputs, GeneratorOptions options) {
        return run(inputs, options, false);
    }

    private GenerationResult run(List<Path> inputs, GeneratorOptions options, boolean render) {
        Optional<String> badPackage = options.defaultJavaPackage().filter(p -> !JAVA_PACKAGE.matcher(p).matches());
        if (badPackage.isPresent()) {
            return new GenerationResult(List.of(), List.of(Diagnostic.error(null, "default Java package '"
                    + badPackage.get() + "' is not a package name (expected: identifiers separated by dots, e.g. com.example.api)")));
        }
        LoadResult loaded = new SchemaLoader(new LoadOptions(options.importRoots(), options.defaultJavaPackage()))
                .load(inputs);
        if (loaded.hasErrors() || loaded.schema().isEmpty()) {
            return new GenerationResult(List.of(), loaded.diagnostics());
        }
        GenerationResult generated = render ? generate(loaded.schema().get())
                : new GenerationResult(List.of(), model(loaded.schema().get()).diagnostics());
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(generated.diagnostics());
        return new GenerationResult(generated.files(), all);
    }

    private static JavaModel model(Schema schema) {
        return new JavaModelBuilder(schema, GeneratorVersion.get()).build();
    }

    /**
     * Renders a checked schema: one file per struct, enum and protocol of every file of the set. IDL
     * names that become one Java name in one scope are errors, and then no file is rendered.
     */
    public GenerationResult generate(Schema schema) {
        JavaModel model = model(schema);
        if (!model.diagnostics().isEmpty()) {
            return new GenerationResult(List.of(), model.diagnostics());
        }
        return new GenerationResult(model.files().stream().map(Generator::render).toList(), List.of());
    }

    private static GeneratedFile render(FileModel model) {
        String path = model.packageName().replace('.', '/') + "/" + model.className() + ".java";
        // Line ends are \n whatever the checkout did to the templates: same input, same bytes.
        return new GeneratedFile(path, Templates.render(model.template(), model).replace("\r\n", "\n"));
    }

    /**
     * Writes {@code files} under {@code outDir}, creating folders as needed; unchanged files are
     * left alone.
     *
     * @throws IOException with a one-line message naming the path and the reason
     */
    public static void write(List<GeneratedFile> files, Path outDir) throws IOException {
        OutputWriter.write(files, outDir);
    }
}
