package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * An enum with data ({@code data-enum.ftl}): a sealed interface with one nested record per variant.
 *
 * @param header the first comment line, without {@code //}
 * @param packageName the Java package
 * @param className the interface's Java name
 * @param idlName the IDL name, for decode errors
 * @param doc the Javadoc lines, empty for none
 * @param variants the variant records in declaration (wire) order
 */
public record DataEnumFileModel(String header, String packageName, String className, String idlName,
        List<String> doc, List<RecordModel> variants) implements FileModel {
    /** Copies the lists. */
    public DataEnumFileModel {
        doc = List.copyOf(doc);
        variants = List.copyOf(variants);
    }

    @Override
    public String template() {
        return "data-enum.ftl";
    }
}
