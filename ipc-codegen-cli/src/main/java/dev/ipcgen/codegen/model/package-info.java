/**
 * The Java view model: one record per template ({@link dev.ipcgen.codegen.model.StructFileModel},
 * {@link dev.ipcgen.codegen.model.EnumFileModel}, {@link dev.ipcgen.codegen.model.DataEnumFileModel},
 * {@link dev.ipcgen.codegen.model.ProtocolFileModel}, and the {@link dev.ipcgen.codegen.model.RecordModel}
 * they share), built from a checked schema by {@link dev.ipcgen.codegen.model.JavaModelBuilder}. Every
 * name ({@link dev.ipcgen.codegen.model.JavaNames}), type and codec expression
 * ({@link dev.ipcgen.codegen.model.JavaTypes}) is computed here, so templates only lay code out.
 */
package dev.ipcgen.codegen.model;
