package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * A C-like enum's file ({@code enum.ftl}).
 *
 * @param header the first comment line, without {@code //}
 * @param packageName the Java package
 * @param className the enum's Java name
 * @param idlName the IDL name, for decode errors
 * @param doc the Javadoc lines, empty for none
 * @param constants the constants in declaration (wire) order
 */
public record EnumFileModel(String header, String packageName, String className, String idlName, List<String> doc,
        List<EnumConstantModel> constants) implements FileModel {
    /** Copies the lists. */
    public EnumFileModel {
        doc = List.copyOf(doc);
        constants = List.copyOf(constants);
    }

    @Override
    public String template() {
        return "enum.ftl";
    }
}
