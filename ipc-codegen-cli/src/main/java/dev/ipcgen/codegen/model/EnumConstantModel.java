package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * A constant of a C-like enum.
 *
 * @param name the Java name
 * @param doc the Javadoc lines, empty for none
 */
public record EnumConstantModel(String name, List<String> doc) {
    /** Copies the list. */
    public EnumConstantModel {
        doc = List.copyOf(doc);
    }
}
