package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * A generated record with its codec: a struct, a request, a response or a variant of an enum with
 * data. Rendered by the {@code record} macro of {@code record.ftl}.
 *
 * @param name the simple Java name
 * @param doc the Javadoc lines (escaped), empty for none
 * @param implementsClause {@code ""} or {@code " implements Shape"}
 * @param fields the components in wire order
 * @param codecName {@code CODEC}, or {@code BODY} for a variant (its fields after the index)
 * @param codecPublic whether the codec is part of the API
 * @param composites codecs of the containers it uses, declared after the codec
 * @param pathLiteral a Java string literal: a variant's IDL name, its segment of a decode error's
 *     field path ({@code status.Shipped.tracking})
 */
public record RecordModel(String name, List<String> doc, String implementsClause, List<FieldModel> fields,
        String codecName, boolean codecPublic, List<CodecConstant> composites, String pathLiteral) {
    /** Copies the lists. */
    public RecordModel {
        doc = List.copyOf(doc);
        fields = List.copyOf(fields);
        composites = List.copyOf(composites);
    }

    /** Whether the components fit on the line of the record's name (else one per line). */
    public boolean componentsOnOneLine() {
        int length = name.length() + implementsClause.length();
        for (FieldModel f : fields) {
            length += f.javaType().length() + f.name().length() + 3;
        }
        return length <= 80;
    }

    /** Whether the compact constructor has anything to do. */
    public boolean hasChecks() {
        return fields.stream().anyMatch(f -> !f.checks().isEmpty());
    }
}
