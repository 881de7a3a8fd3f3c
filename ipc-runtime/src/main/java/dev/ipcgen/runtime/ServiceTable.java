package dev.ipcgen.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Services by protocol id: a small open-addressing table probed linearly, so routing a frame is a
 * multiply, a mask and (almost always) one comparison. Immutable once built.
 */
final class ServiceTable {

    private final int[] ids;
    private final Service[] services;
    private final int mask;
    private final List<ProtocolInfo> served;

    private ServiceTable(List<Service> list) {
        int capacity = Integer.highestOneBit(Math.max(2, list.size() * 2 - 1)) << 1;
        ids = new int[capacity];
        services = new Service[capacity];
        mask = capacity - 1;
        List<ProtocolInfo> infos = new ArrayList<>(list.size());
        for (Service s : list) {
            int id = s.descriptor().id();
            int i = slot(id);
            while (services[i] != null) {
                i = (i + 1) & mask;
            }
            ids[i] = id;
            services[i] = s;
            infos.add(ProtocolInfo.of(s.descriptor()));
        }
        served = List.copyOf(infos);
    }

    /** A table of {@code services}, which must have distinct protocol ids (see {@link #checkNew}). */
    static ServiceTable of(List<Service> services) {
        return new ServiceTable(services);
    }

    /**
     * Checks that {@code added} may join {@code existing}.
     *
     * @throws IllegalArgumentException naming both protocols if their ids are the same
     */
    static void checkNew(List<Service> existing, Service added) {
        ProtocolDescriptor d = added.descriptor();
        for (Service s : existing) {
            ProtocolDescriptor e = s.descriptor();
            if (e.id() == d.id()) {
                String what = e.name().equals(d.name()) && e.version() == d.version()
                        ? "protocol " + d.name() + "@" + d.version() + " is registered twice"
                        : "protocols " + e.name() + "@" + e.version() + " and " + d.name() + "@" + d.version()
                                + " have the same protocol id";
                throw new IllegalArgumentException(what + String.format(" (0x%08X)", d.id()));
            }
        }
    }

    /** The service of protocol {@code id}, or {@code null}. */
    Service get(int id) {
        int i = slot(id);
        Service s;
        while ((s = services[i]) != null) {
            if (ids[i] == id) {
                return s;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** What the HELLO lists. */
    List<ProtocolInfo> served() {
        return served;
    }

    private int slot(int id) {
        return (id * 0x9E3779B9 >>> 16) & mask;
    }
}
