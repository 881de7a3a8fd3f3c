package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * One message of a protocol.
 *
 * @param idlName the IDL name, escaped for Javadoc
 * @param nameLiteral the IDL name as a Java string literal
 * @param index the wire index
 * @param constant the name of its {@code MethodDescriptor} constant, e.g. {@code GET_USER}
 * @param method the handler and sender method name, e.g. {@code getUser}
 * @param doc the Javadoc lines of its handler and sender methods
 * @param oneWay whether there is no response
 * @param request the request record
 * @param response the response record; {@code null} for a one-way message
 * @param responseType the response record's name, or {@code java.lang.Void}
 * @param senderParameters the request fields as a parameter list: {@code long id}
 * @param senderArguments the same as arguments: {@code id}
 */
public record MessageModel(String idlName, String nameLiteral, int index, String constant, String method, List<String> doc,
        boolean oneWay, RecordModel request, RecordModel response, String responseType, String senderParameters,
        String senderArguments) {
    /** Copies the list. */
    public MessageModel {
        doc = List.copyOf(doc);
    }
}
