package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every object that stands for one connection is equal to the others, with the same hash code, so
 * any of them keys per-connection state: on a client its {@link IpcConnection}, the peer its
 * handlers see ({@link CallContext#peer()}) and the peer its {@link ConnectionListener} is told of;
 * on a server the peer its handlers and listener see and the one in {@link IpcServer#peers()}.
 * Another connection is never equal.
 */
class PeerEqualityTest {

    private final Path dir = SocketDirs.create();
    private final BlockingQueue<Peer> handlerSaw = new LinkedBlockingQueue<>();
    private final BlockingQueue<Peer> listenerSaw = new LinkedBlockingQueue<>();
    private IpcServer server;

    @AfterEach
    void stop() {
        server.close();
        SocketDirs.delete(dir);
    }

    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void connected(Peer peer) {
            listenerSaw.add(peer);
        }
    };

    private Service recordingCallback() {
        return Service.builder(TestProtocols.CALLBACK).unary(TestProtocols.SHOUT, (r, ctx) -> {
            handlerSaw.add(ctx.peer());
            return r;
        }).build();
    }

    private Service recordingTwice() {
        return Service.builder(TestProtocols.OTHER).unary(TestProtocols.TWICE, (r, ctx) -> {
            handlerSaw.add(ctx.peer());
            return 2 * r;
        }).build();
    }

    private static void assertSameConnection(Object a, Object b) {
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b).isEqualTo(a);
    }

    private List<Peer> serverPeers(int expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (server.peers().size() < expected && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return server.peers();
    }

    @Test
    void onAClient_theConnection_itsHandlersPeer_andItsListenersPeer_areEqual() throws Exception {
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).start();
        try (IpcConnection client = IpcClient.builder().serve(recordingCallback()).connectionListener(listener)
                        .connect(server.endpoint());
                IpcConnection other = IpcClient.builder().serve(recordingCallback()).connect(server.endpoint())) {
            List<Peer> clients = serverPeers(2);
            for (Peer p : clients) {
                p.call(TestProtocols.SHOUT, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            }
            Peer fromListener = listenerSaw.poll(2, TimeUnit.SECONDS);
            Peer first = handlerSaw.poll(2, TimeUnit.SECONDS);
            Peer second = handlerSaw.poll(2, TimeUnit.SECONDS);
            Peer fromHandler = first.equals(client) ? first : second;
            Peer fromOther = first.equals(client) ? second : first;

            assertSameConnection(client, fromHandler);
            assertSameConnection(client, fromListener);
            assertSameConnection(fromHandler, fromListener);
            assertSameConnection(other, fromOther);
            assertThat(client).isEqualTo(client).isNotEqualTo(other).isNotEqualTo(fromOther);
            assertThat(fromOther).isNotEqualTo(client);
            assertThat(other).isNotEqualTo(fromHandler);
        }
    }

    @Test
    void onAServer_itsHandlersPeer_itsListenersPeer_andItsPeersEntry_areEqual() throws Exception {
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(recordingTwice())
                .connectionListener(listener).start();
        try (IpcConnection client = IpcClient.connect(server.endpoint())) {
            client.call(TestProtocols.TWICE, 1L, CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            Peer fromHandler = handlerSaw.poll(2, TimeUnit.SECONDS);
            Peer fromListener = listenerSaw.poll(2, TimeUnit.SECONDS);
            Peer listed = serverPeers(1).get(0);
            assertSameConnection(fromHandler, fromListener);
            assertSameConnection(fromHandler, listed);
            assertSameConnection(fromListener, listed);
            // Each end's objects stand for its own side of the socket: the client's is not the server's.
            assertThat(client).isNotEqualTo(fromHandler);
        }
    }

    @Test
    void aHandlerSeesItsConnectionInPeers_evenBeforeTheCallbackExecutorRan() throws Exception {
        BlockingQueue<List<Peer>> peersSeen = new LinkedBlockingQueue<>();
        java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ScheduledExecutorService slow = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            // Every callback (completing the HELLO future among them) runs 300 ms late.
            java.util.concurrent.Executor late = task -> slow.schedule(task, 300, TimeUnit.MILLISECONDS);
            server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock")))
                    .handlerExecutor(handlers).callbackExecutor(late)
                    .serve(Service.builder(TestProtocols.OTHER).unary(TestProtocols.TWICE, (r, ctx) -> {
                        peersSeen.add(server.peers());
                        handlerSaw.add(ctx.peer());
                        return 2 * r;
                    }).build())
                    .start();
            try (IpcConnection c = IpcClient.connect(server.endpoint())) {
                assertThat(c.call(TestProtocols.TWICE, 21L, CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(42L);
                List<Peer> peers = peersSeen.poll(2, TimeUnit.SECONDS);
                assertThat(peers).hasSize(1);
                assertSameConnection(peers.get(0), handlerSaw.poll(2, TimeUnit.SECONDS));
            }
        } finally {
            handlers.shutdown();
            slow.shutdown();
        }
    }
}
