package dev.ipcgen.runtime;

import java.util.Objects;

/**
 * One protocol an end serves, as announced in its HELLO (wire-format.md section 4).
 *
 * @param id FNV-1a 32 of {@code name@version}
 * @param name the IDL name of the protocol
 * @param version 1 to 4294967295
 * @param fingerprint FNV-1a 64 of the canonical text; 0 means not computed
 */
public record ProtocolInfo(int id, String name, long version, long fingerprint) {

    /** Checks the name is present. */
    public ProtocolInfo {
        Objects.requireNonNull(name, "name");
    }

    /** What a HELLO says about {@code descriptor}. */
    public static ProtocolInfo of(ProtocolDescriptor descriptor) {
        return new ProtocolInfo(descriptor.id(), descriptor.name(), descriptor.version(), descriptor.fingerprint());
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
