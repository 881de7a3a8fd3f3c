package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TLS handshake between two {@link TlsSettings} over a real TCP connection on 127.0.0.1, using
 * JDK {@link SSLSocket}s configured with exactly the parameters of the settings' engines (which
 * carry protocols, client auth and host name checking). After the handshake the server sends one
 * byte and the client reads it, so a TLS 1.3 client learns of a rejected client certificate.
 */
final class TlsSocketHandshake {

    /** One end's result: its session, or what it failed with. */
    record Side(SSLSession session, Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** Both ends' results. */
    record Outcome(Side server, Side client) {
    }

    private TlsSocketHandshake() {
    }

    /** Connects a {@code client} that dials {@code host} to a {@code server}. */
    static Outcome run(TlsSettings server, TlsSettings client, String host) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Side> serverSide = CompletableFuture.supplyAsync(() -> serve(listener, server));
            Side clientSide = connect(client, host, listener.getLocalPort());
            return new Outcome(serverSide.get(10, TimeUnit.SECONDS), clientSide);
        }
    }

    private static Side serve(ServerSocket listener, TlsSettings settings) {
        try (Socket plain = listener.accept()) {
            plain.setSoTimeout(5000);
            SSLEngine engine = settings.newServerEngine();
            try (SSLSocket tls = (SSLSocket) settings.sslContext().getSocketFactory()
                    .createSocket(plain, null, plain.getPort(), false)) {
                tls.setUseClientMode(false);
                tls.setSSLParameters(engine.getSSLParameters());
                tls.startHandshake();
                tls.getOutputStream().write('!');
                tls.getOutputStream().flush();
                SSLSession session = tls.getSession();
                // Wait for the client to close, so the byte is not lost to a reset.
                tls.getInputStream().read();
                return new Side(session, null);
            } catch (IOException e) {
                // Keep the TCP connection until the client closes it, so the client reads the alert
                // instead of a reset while it is still sending its last handshake message.
                drain(plain);
                return new Side(null, e);
            }
        } catch (IOException e) {
            return new Side(null, e);
        }
    }

    private static void drain(Socket plain) throws IOException {
        byte[] buffer = new byte[4096];
        while (plain.getInputStream().read(buffer) >= 0) {
            // discard
        }
    }

    private static Side connect(TlsSettings settings, String host, int port) {
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
            plain.setSoTimeout(5000);
            SSLEngine engine = settings.newClientEngine(host, port);
            try (SSLSocket tls = (SSLSocket) settings.sslContext().getSocketFactory()
                    .createSocket(plain, host, port, false)) {
                tls.setUseClientMode(true);
                tls.setSSLParameters(engine.getSSLParameters());
                tls.startHandshake();
                int answer = tls.getInputStream().read();
                if (answer != '!') {
                    throw new IOException("the server closed the connection after the handshake");
                }
                return new Side(tls.getSession(), null);
            }
        } catch (IOException e) {
            return new Side(null, e);
        }
    }
}
