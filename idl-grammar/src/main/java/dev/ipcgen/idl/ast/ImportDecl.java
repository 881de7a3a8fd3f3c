package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;

/**
 * {@code import "path";}.
 *
 * @param path the text between the quotes
 * @param span where the string is
 */
public record ImportDecl(String path, SourceSpan span) {
}
