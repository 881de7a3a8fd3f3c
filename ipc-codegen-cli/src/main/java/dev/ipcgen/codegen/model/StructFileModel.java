package dev.ipcgen.codegen.model;

/**
 * A struct's file ({@code struct.ftl}).
 *
 * @param header the first comment line, without {@code //}
 * @param packageName the Java package
 * @param record the record
 */
public record StructFileModel(String header, String packageName, RecordModel record) implements FileModel {
    @Override
    public String className() {
        return record.name();
    }

    @Override
    public String template() {
        return "struct.ftl";
    }
}
