package dev.ipcgen.codegen;

/**
 * One generated Java source file.
 *
 * @param relativePath where it goes under the output folder, with {@code /}: {@code dev/ipcgen/x/Foo.java}
 * @param content the Java source
 */
public record GeneratedFile(String relativePath, String content) {
}
