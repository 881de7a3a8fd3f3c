package dev.ipcgen.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac, as a user's build would, against the test classpath. */
final class JavaSources {

    private JavaSources() {
    }

    /** The outcome of one compilation: javac's messages and where the classes went. */
    record Compiled(List<String> diagnostics, Path classes) {
        /** Loads the compiled classes, with the test's classes (the runtime) as parent. */
        ClassLoader classLoader() {
            try {
                return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaSources.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Writes {@code files} under {@code dir} and compiles them with {@code -Xlint:all -Werror}. */
    static Compiled compile(List<GeneratedFile> files, Path dir) {
        try {
            Path src = dir.resolve("src");
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Generator.write(files, src);
            List<Path> paths = new ArrayList<>();
            for (GeneratedFile f : files) {
                paths.add(src.resolve(f.relativePath()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, Locale.ROOT, null)) {
                List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                        "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
                boolean ok = javac.getTask(null, fm, collector, options, null, fm.getJavaFileObjectsFromPaths(paths))
                        .call();
                List<String> messages = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
                    messages.add(d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":"
                            + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                }
                if (!ok && messages.isEmpty()) {
                    messages.add("javac failed without a message");
                }
                return new Compiled(messages, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
