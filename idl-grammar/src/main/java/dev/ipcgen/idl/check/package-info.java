/**
 * The semantic rules of the IDL, one class per rule, each reading a {@link dev.ipcgen.idl.check.SourceSet}
 * (the parsed files of a run and how their imports resolved) and reporting diagnostics. They run
 * only when every file parsed, so that one syntax error does not cascade into many.
 */
package dev.ipcgen.idl.check;
