/**
 * Who may connect: the peer's Unix credentials ({@link dev.ipcgen.runtime.security.PeerCredentialsReader}),
 * a per-connection {@link dev.ipcgen.runtime.security.Authorizer}, the socket file's mode, group and
 * lifetime ({@link dev.ipcgen.runtime.security.SocketFiles}, {@link dev.ipcgen.runtime.security.BoundSocketFile}),
 * Linux abstract socket names ({@link dev.ipcgen.runtime.security.AbstractSocketNames}), and TLS
 * ({@link dev.ipcgen.runtime.security.TlsSettings}, {@link dev.ipcgen.runtime.security.TlsPeer},
 * {@link dev.ipcgen.runtime.security.TlsMismatchGuard}).
 *
 * <p>The classes here are building blocks: each works on a Netty {@link io.netty.channel.Channel},
 * a {@link java.nio.file.Path} or a {@link javax.net.ssl.SSLSession}, and none depends on the
 * runtime's connection classes.
 */
package dev.ipcgen.runtime.security;
