package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * A protocol's class ({@code protocol.ftl}).
 *
 * @param header the first comment line, without {@code //}
 * @param packageName the Java package
 * @param className e.g. {@code AppProtocol}
 * @param doc the Javadoc lines, empty for none
 * @param nameLiteral the IDL name as a Java string literal
 * @param versionLiteral the version as a {@code long} literal
 * @param fingerprintLiteral the fingerprint as a hexadecimal {@code long} literal
 * @param idHex the protocol id in hexadecimal, for the Javadoc
 * @param messages the messages in wire order
 */
public record ProtocolFileModel(String header, String packageName, String className, List<String> doc,
        String nameLiteral, String versionLiteral, String fingerprintLiteral, String idHex,
        List<MessageModel> messages) implements FileModel {
    /** Copies the lists. */
    public ProtocolFileModel {
        doc = List.copyOf(doc);
        messages = List.copyOf(messages);
    }

    @Override
    public String template() {
        return "protocol.ftl";
    }
}
