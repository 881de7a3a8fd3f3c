package dev.ipcgen.runtime;

import dev.ipcgen.runtime.codec.Codec;
import java.util.Objects;

/**
 * One message of a protocol: its index on the wire and the codecs of its request and response.
 * Generated code creates one per message; a one-way message has no response codec.
 *
 * @param <Req> the request record
 * @param <Resp> the response record ({@link Void} for one-way messages)
 */
public final class MethodDescriptor<Req, Resp> {

    private final String protocolName;
    private final long protocolVersion;
    private final int protocolId;
    private final String name;
    private final int index;
    private final Codec<Req> requestCodec;
    private final Codec<Resp> responseCodec;
    private final String fullName;
    private volatile ProtocolDescriptor protocol;

    private MethodDescriptor(String protocolName, long protocolVersion, String name, int index,
            Codec<Req> requestCodec, Codec<Resp> responseCodec) {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("method index " + index + " (expected: 0..65535)");
        }
        this.protocolName = Objects.requireNonNull(protocolName, "protocolName");
        this.protocolVersion = protocolVersion;
        this.protocolId = ProtocolIds.protocolId(protocolName, protocolVersion);
        this.name = Objects.requireNonNull(name, "name");
        this.index = index;
        this.requestCodec = Objects.requireNonNull(requestCodec, "requestCodec");
        this.responseCodec = responseCodec;
        this.fullName = protocolName + "." + name;
    }

    /** A request/response message. */
    public static <Req, Resp> MethodDescriptor<Req, Resp> unary(String protocolName, long protocolVersion,
            String name, int index, Codec<Req> requestCodec, Codec<Resp> responseCodec) {
        return new MethodDescriptor<>(protocolName, protocolVersion, name, index, requestCodec,
                Objects.requireNonNull(responseCodec, "responseCodec"));
    }

    /** A one-way message. */
    public static <Req> MethodDescriptor<Req, Void> oneWay(String protocolName, long protocolVersion,
            String name, int index, Codec<Req> requestCodec) {
        return new MethodDescriptor<>(protocolName, protocolVersion, name, index, requestCodec, null);
    }

    /** The IDL name of the protocol, e.g. {@code app_protocol}. */
    public String protocolName() {
        return protocolName;
    }

    /** The protocol's version. */
    public long protocolVersion() {
        return protocolVersion;
    }

    /** The protocol id on the wire (FNV-1a 32 of {@code name@version}). */
    public int protocolId() {
        return protocolId;
    }

    /** The IDL name of the message, e.g. {@code get_user}. */
    public String name() {
        return name;
    }

    /** {@code protocol.message}, e.g. {@code app_protocol.get_user}: how errors name a call. */
    public String fullName() {
        return fullName;
    }

    /** The 0-based index of the message in its protocol. */
    public int index() {
        return index;
    }

    /**
     * The protocol that lists this message, set when its {@link ProtocolDescriptor} is made;
     * {@code null} for a descriptor no protocol lists. The runtime reads the fingerprint from it.
     */
    public ProtocolDescriptor protocol() {
        return protocol;
    }

    void bindProtocol(ProtocolDescriptor descriptor) {
        if (protocol == null) {
            protocol = descriptor;
        }
    }

    /** Whether the message has no response ({@code log { ... }} without {@code ->}). */
    public boolean isOneWay() {
        return responseCodec == null;
    }

    /** Encodes and decodes the request fields. */
    public Codec<Req> requestCodec() {
        return requestCodec;
    }

    /** Encodes and decodes the response fields; {@code null} for a one-way message. */
    public Codec<Resp> responseCodec() {
        return responseCodec;
    }

    @Override
    public String toString() {
        return fullName + (isOneWay() ? " (one-way)" : "");
    }
}
