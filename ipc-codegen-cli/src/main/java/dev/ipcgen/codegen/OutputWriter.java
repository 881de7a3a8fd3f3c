package dev.ipcgen.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes generated files under an output folder. A file whose content is unchanged is not
 * rewritten, so build tools see no change.
 */
final class OutputWriter {

    private OutputWriter() {
    }

    static void write(List<GeneratedFile> files, Path outDir) throws IOException {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new IOException("cannot create output directory " + outDir + ": " + reason(e), e);
        }
        if (!Files.isDirectory(outDir)) {
            throw new IOException("cannot write to " + outDir + ": not a directory");
        }
        for (GeneratedFile f : files) {
            Path target = outDir.resolve(f.relativePath());
            byte[] content = f.content().getBytes(StandardCharsets.UTF_8);
            try {
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, content);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            }
        }
    }

    /** What went wrong in a few words; NIO's own messages are often only the path. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way of a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
