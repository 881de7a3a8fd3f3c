/**
 * The ipcgen generator as a library: {@link dev.ipcgen.codegen.Generator} turns {@code .ipc} files
 * (through the IDL loader) into Java sources and diagnostics, and writes them. The CLI and the Maven
 * plugin are thin front ends over it.
 */
package dev.ipcgen.codegen;
