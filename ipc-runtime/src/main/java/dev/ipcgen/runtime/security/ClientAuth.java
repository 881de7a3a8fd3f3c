package dev.ipcgen.runtime.security;

/** Whether a TLS server asks its clients for certificates (mutual TLS). */
public enum ClientAuth {
    /** Server-only TLS: clients are not asked for a certificate. */
    NONE,
    /** Clients are asked; one without a certificate may still connect, one with an untrusted one may not. */
    OPTIONAL,
    /** Mutual TLS: a client without a trusted certificate fails the handshake. */
    REQUIRE
}
