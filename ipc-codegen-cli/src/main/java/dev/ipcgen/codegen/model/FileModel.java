package dev.ipcgen.codegen.model;

/** The view model of one generated file: what its template needs and where it goes. */
public sealed interface FileModel permits StructFileModel, EnumFileModel, DataEnumFileModel, ProtocolFileModel {
    /** The Java package. */
    String packageName();

    /** The top-level class, which names the file. */
    String className();

    /** The template that renders it. */
    String template();
}
