package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.ast.IdlFile;
import dev.ipcgen.idl.ast.ImportDecl;
import dev.ipcgen.idl.check.ResolvedImport;
import dev.ipcgen.idl.check.SourceFile;
import dev.ipcgen.idl.check.SourceSet;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.parse.IdlParser;
import dev.ipcgen.idl.parse.ParseResult;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the inputs of a run and, depth first, every file they import. A file is identified by its
 * real path and read once; an import that leads back to a file being read is a cycle.
 */
final class SourceSetReader {

    /** A file read but whose imports are not resolved yet. */
    private static final class Pending {
        final Path realPath;
        final String displayPath;
        final IdlFile ast;
        final boolean root;
        final List<ResolvedImport> imports = new ArrayList<>();
        boolean visited;

        Pending(Path realPath, String displayPath, IdlFile ast, boolean root) {
            this.realPath = realPath;
            this.displayPath = displayPath;
            this.ast = ast;
            this.root = root;
        }
    }

    private final List<Path> importRoots;
    private final Consumer<Diagnostic> report;
    private final IdlParser parser = new IdlParser();
    private final Map<Path, Pending> files = new LinkedHashMap<>();
    private boolean readErrors;
    private long omittedErrors;
    private long omittedWarnings;

    SourceSetReader(List<Path> importRoots, Consumer<Diagnostic> report) {
        this.importRoots = importRoots;
        this.report = report;
    }

    /** Whether some file could not be read or parsed cleanly. */
    boolean hadErrors() {
        return readErrors;
    }

    /** Errors the parser found but did not keep, over all files. */
    long omittedErrors() {
        return omittedErrors;
    }

    /** Warnings the parser found but did not keep, over all files. */
    long omittedWarnings() {
        return omittedWarnings;
    }

    SourceSet read(List<Path> inputs) {
        List<Pending> roots = new ArrayList<>();
        for (Path input : inputs) {
            readFile(input, input.toString(), true, null).ifPresent(roots::add);
        }
        for (Pending root : roots) {
            visit(root, new ArrayList<>());
        }
        List<SourceFile> result = new ArrayList<>();
        for (Pending p : files.values()) {
            result.add(new SourceFile(p.realPath, p.displayPath, p.ast, p.root, p.imports));
        }
        // Inputs first in the order given, then imported files in the order found.
        result.sort((a, b) -> Boolean.compare(b.root(), a.root()));
        return new SourceSet(result);
    }

    private void visit(Pending file, List<Pending> stack) {
        if (file.visited) {
            return;
        }
        file.visited = true;
        stack.add(file);
        for (ImportDecl decl : file.ast.imports()) {
            Optional<Path> found = resolve(file, decl);
            if (found.isEmpty()) {
                readErrors = true;
                report.accept(Diagnostic.error(decl.span(), "cannot find import '" + printable(decl.path()) + "'"));
                continue;
            }
            Path candidate = found.get();
            Path real;
            try {
                real = candidate.toRealPath();
            } catch (IOException e) {
                readErrors = true;
                report.accept(Diagnostic.error(decl.span(), "cannot read '" + decl.path() + "': " + reason(e)));
                continue;
            }
            int onStack = indexOf(stack, real);
            if (onStack >= 0) {
                readErrors = true;
                report.accept(Diagnostic.error(decl.span(), cycleMessage(stack.subList(onStack, stack.size()))));
                continue;
            }
            Pending target = files.get(real);
            if (target == null) {
                target = readFile(candidate, displayPath(file, candidate, decl), false, decl.span()).orElse(null);
                if (target == null) {
                    continue;
                }
            }
            file.imports.add(new ResolvedImport(decl, real));
            visit(target, stack);
        }
        stack.remove(stack.size() - 1);
    }

    private static String cycleMessage(List<Pending> cycle) {
        if (cycle.size() == 1) {
            return "'" + cycle.get(0).displayPath + "' imports itself";
        }
        StringBuilder sb = new StringBuilder("import cycle: ");
        for (Pending p : cycle) {
            sb.append(p.displayPath).append(" -> ");
        }
        return sb.append(cycle.get(0).displayPath).toString();
    }

    private static int indexOf(List<Pending> stack, Path real) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).realPath.equals(real)) {
                return i;
            }
        }
        return -1;
    }

    /** The importing file's folder first, then the import roots in order. */
    private Optional<Path> resolve(Pending from, ImportDecl decl) {
        if (decl.path().isEmpty() || decl.path().contains("\\")) {
            return Optional.empty();
        }
        Path folder = from.realPath.getParent();
        List<Path> candidates = new ArrayList<>();
        try {
            candidates.add(folder.resolve(decl.path()));
            for (Path root : importRoots) {
                candidates.add(root.resolve(decl.path()));
            }
        } catch (InvalidPathException e) {
            return Optional.empty(); // a character no path may hold, such as NUL
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** Relative to the importer's display folder when found beside it, else the path found. */
    private static String displayPath(Pending from, Path found, ImportDecl decl) {
        Path beside = from.realPath.getParent().resolve(decl.path());
        if (!beside.equals(found)) {
            return found.normalize().toString();
        }
        Path shown = Path.of(from.displayPath).getParent();
        Path display = shown == null ? Path.of(decl.path()) : shown.resolve(decl.path());
        String text = display.normalize().toString();
        return text.isEmpty() ? decl.path() : text;
    }

    private Optional<Pending> readFile(Path path, String displayPath, boolean root, SourceSpan importedAt) {
        Path real;
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            real = path.toRealPath();
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            readErrors = true;
            report.accept(Diagnostic.error(importedAt, "cannot read '" + displayPath + "': " + reason(e)));
            return Optional.empty();
        }
        Pending existing = files.get(real);
        if (existing != null) {
            return Optional.of(existing);
        }
        ParseResult parsed = parser.parse(displayPath, bytes);
        parsed.diagnostics().forEach(report);
        omittedErrors += parsed.omittedErrors();
        omittedWarnings += parsed.omittedWarnings();
        if (parsed.hasErrors()) {
            readErrors = true;
        }
        IdlFile ast = parsed.file().orElse(new IdlFile(displayPath, Optional.empty(), Optional.empty(), List.of(),
                List.of()));
        Pending p = new Pending(real, displayPath, ast, root);
        files.put(real, p);
        return Optional.of(p);
    }

    /** The path with control characters written {@code \u0000}, so that a message stays one clean line. */
    private static String printable(String path) {
        StringBuilder sb = new StringBuilder();
        path.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
