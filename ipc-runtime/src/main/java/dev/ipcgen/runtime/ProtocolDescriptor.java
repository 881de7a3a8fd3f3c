package dev.ipcgen.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A protocol as the runtime sees it: name, version, id, fingerprint and its messages in
 * declaration order. Generated code holds one as {@code DESCRIPTOR}.
 */
public final class ProtocolDescriptor {

    private final String name;
    private final long version;
    private final int id;
    private final long fingerprint;
    private final List<MethodDescriptor<?, ?>> methods;

    private ProtocolDescriptor(String name, long version, long fingerprint, List<MethodDescriptor<?, ?>> methods) {
        this.name = Objects.requireNonNull(name, "name");
        if (version < 1 || version > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("protocol " + name + " version " + version + " (expected: 1..4294967295)");
        }
        this.version = version;
        this.id = ProtocolIds.protocolId(name, version);
        if (id == 0) {
            throw new IllegalArgumentException("protocol " + name + "@" + version + " hashes to the reserved id 0");
        }
        this.fingerprint = fingerprint;
        this.methods = List.copyOf(methods);
        for (int i = 0; i < this.methods.size(); i++) {
            MethodDescriptor<?, ?> m = this.methods.get(i);
            if (m.index() != i || !m.protocolName().equals(name) || m.protocolVersion() != version) {
                throw new IllegalArgumentException("method " + m + " at position " + i + " does not belong to "
                        + name + "@" + version + " at index " + i);
            }
        }
        for (MethodDescriptor<?, ?> m : this.methods) {
            m.bindProtocol(this);
        }
    }

    /**
     * Describes a protocol.
     *
     * @param fingerprint FNV-1a 64 of the canonical text (wire-format.md section 4), 0 if not computed
     * @param methods every message, in declaration order
     */
    public static ProtocolDescriptor of(String name, long version, long fingerprint, List<MethodDescriptor<?, ?>> methods) {
        return new ProtocolDescriptor(name, version, fingerprint, methods);
    }

    /** The IDL name, e.g. {@code app_protocol}. */
    public String name() {
        return name;
    }

    /** The version, 1 to 4294967295. */
    public long version() {
        return version;
    }

    /** FNV-1a 32 of {@code name@version}. */
    public int id() {
        return id;
    }

    /** FNV-1a 64 of the canonical text; 0 means not computed. */
    public long fingerprint() {
        return fingerprint;
    }

    /** The messages, indexed by their wire index. */
    public List<MethodDescriptor<?, ?>> methods() {
        return methods;
    }

    @Override
    public String toString() {
        return name + "@" + version + String.format(" (id 0x%08X, fingerprint 0x%016X)", id, fingerprint);
    }
}
