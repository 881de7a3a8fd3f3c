/**
 * The syntax tree of one {@code .ipc} file: immutable records that keep names and type names as
 * written, each with the {@link dev.ipcgen.idl.diag.SourceSpan} of its name. The linker turns a set
 * of these into a {@link dev.ipcgen.idl.schema.Schema}.
 */
package dev.ipcgen.idl.ast;
