/**
 * From text to syntax tree: {@link dev.ipcgen.idl.parse.IdlParser} runs the ANTLR lexer and parser
 * generated from {@code Ipc.g4} (package {@code dev.ipcgen.idl.parse.antlr}, not part of the API),
 * turns every syntax error into a {@link dev.ipcgen.idl.diag.Diagnostic} and builds the
 * {@link dev.ipcgen.idl.ast} records.
 */
package dev.ipcgen.idl.parse;
