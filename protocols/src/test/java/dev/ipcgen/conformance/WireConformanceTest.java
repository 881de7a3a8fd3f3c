package dev.ipcgen.conformance;

import static dev.ipcgen.conformance.RawConnection.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.examples.basic.AdminProtocol;
import dev.ipcgen.examples.basic.AppProtocol;
import dev.ipcgen.examples.basic.Role;
import dev.ipcgen.examples.basic.User;
import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Speaks wire-format.md to a running server from bytes written by hand (every integer
 * little-endian), and checks the server's answers byte for byte. Nothing on the client side is
 * ipcgen code, so the server cannot pass by agreeing with itself.
 */
class WireConformanceTest {

    /** HELLO: length 34; header kind 1, all else 0; magic "IPC1", wire version 1, max 65536, no protocols. */
    private static final String CLIENT_HELLO = "22000000 01 00 0000 00000000 0000000000000000"
            + " 49504331 0100 00000100 0000000000000000";

    /** app_protocol@1: FNV-1a 32 = 0x48287F96 (wire-format.md section 3), little-endian. */
    private static final String APP_ID = "967f2848";
    /** admin_protocol@1: FNV-1a 32 = 0xE9D77EDE. */
    private static final String ADMIN_ID = "de7ed7e9";

    private final BlockingQueue<String> logged = new LinkedBlockingQueue<>();
    private Path dir;
    private Path socket;
    private IpcServer server;

    @BeforeEach
    void startServer() throws Exception {
        dir = Files.createTempDirectory("ipc");
        socket = dir.resolve("c.sock");
        server = IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(AppProtocol.service(new App()))
                .serve(AdminProtocol.service(new Admin()))
                .start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    @Test
    void descriptor_hasTheWorkedIdAndFingerprint() {
        assertThat(AppProtocol.DESCRIPTOR.id()).isEqualTo(0x48287F96);
        assertThat(AppProtocol.DESCRIPTOR.fingerprint()).isEqualTo(0x60185B5F51F4EABEL);
    }

    @Test
    void hello_listsServedProtocolsWithIdsAndTheWorkedFingerprint() throws Exception {
        try (RawConnection c = RawConnection.open(socket)) {
            c.send(CLIENT_HELLO);
            byte[] hello = c.readFrame();
            ByteBuffer b = ByteBuffer.wrap(hello).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.getInt()).isEqualTo(hello.length - 4);
            assertThat(hex(Arrays.copyOfRange(hello, 4, 20))).isEqualTo("0100" + "0000" + "00000000" + "0000000000000000");
            b.position(20);
            assertThat(b.getInt()).as("magic").isEqualTo(0x31435049);
            assertThat(b.getShort()).as("wire version").isEqualTo((short) 1);
            assertThat(b.getInt()).as("max_frame_length").isGreaterThanOrEqualTo(65536);
            assertThat(b.getLong()).as("protocol count").isEqualTo(2);
            String entries = hex(Arrays.copyOfRange(hello, b.position(), hello.length));
            String app = APP_ID + "0c00000000000000" + hex("app_protocol".getBytes(StandardCharsets.UTF_8))
                    + "01000000" + "beeaf4515f5b1860";
            String adminPrefix = ADMIN_ID + "0e00000000000000" + hex("admin_protocol".getBytes(StandardCharsets.UTF_8))
                    + "01000000";
            assertThat(entries).startsWith(app);
            assertThat(entries.substring(app.length())).startsWith(adminPrefix);
            assertThat(entries).hasSize(app.length() + adminPrefix.length() + 16);
        }
    }

    @Test
    void request_getsTheExactResponseBytes() throws Exception {
        try (RawConnection c = handshake()) {
            // REQUEST get_user (method 0) call id 1, body id = 5
            c.send("18000000 02 00 0000 " + APP_ID + " 0100000000000000 0500000000000000");
            assertThat(hex(c.readFrame())).isEqualTo(hexOf(
                    "4b000000 03 00 0000 " + APP_ID + " 0100000000000000"
                    + " 01"                                            // Some
                    + " 0500000000000000"                              // id 5
                    + " 0300000000000000 616e6e"                       // "ann"
                    + " 00"                                            // email None
                    + " 0100000000000000 00000000"                     // roles [Admin]
                    + " 0100000000000000 0100000000000000 6b 0100000000000000 76")); // {"k": "v"}
        }
    }

    @Test
    void pipelinedCalls_echoTheCallersIds_andRouteByProtocolOnOneConnection() throws Exception {
        try (RawConnection c = handshake()) {
            c.send("10000000 02 00 0300 " + APP_ID + " 4d00000000000000");      // ping, call id 77
            c.send("10000000 02 00 0100 " + ADMIN_ID + " 0900000000000000");    // stats, call id 9
            String first = hex(c.readFrame());
            String second = hex(c.readFrame());
            assertThat(List.of(first, second)).containsExactlyInAnyOrder(
                    hexOf("10000000 03 00 0300 " + APP_ID + " 4d00000000000000"),
                    hexOf("1c000000 03 00 0100 " + ADMIN_ID + " 0900000000000000 03000000 d204000000000000"));
        }
    }

    @Test
    void oneWay_isServedAndNeverAnswered() throws Exception {
        try (RawConnection c = handshake()) {
            // ONEWAY log (method 2), call id 0, level 1, message "hi"
            c.send("1b000000 04 00 0200 " + APP_ID + " 0000000000000000 01 0200000000000000 6869");
            assertThat(logged.poll(2, TimeUnit.SECONDS)).isEqualTo("1:hi");
            c.send("10000000 02 00 0300 " + APP_ID + " 0200000000000000");      // ping, call id 2
            assertThat(hex(c.readFrame())).isEqualTo(hexOf("10000000 03 00 0300 " + APP_ID + " 0200000000000000"));
        }
    }

    @Test
    void ping_getsPongWithTheSameEightBytes() throws Exception {
        try (RawConnection c = handshake()) {
            c.send("18000000 08 00 0000 00000000 0000000000000000 0102030405060708");
            assertThat(hex(c.readFrame())).isEqualTo(
                    hexOf("18000000 09 00 0000 00000000 0000000000000000 0102030405060708"));
        }
    }

    @Test
    void perCallErrors_carryTheirCodes_andTheConnectionStaysUsable() throws Exception {
        try (RawConnection c = handshake()) {
            c.send("10000000 02 00 0000 04030201 0200000000000000");             // unknown protocol
            assertError(c.readFrame(), "0000 04030201 0200000000000000", 1);
            c.send("10000000 02 00 0000 00000000 0300000000000000");             // protocol 0 is reserved
            assertError(c.readFrame(), "0000 00000000 0300000000000000", 1);
            c.send("10000000 02 00 0900 " + APP_ID + " 0400000000000000");      // method 9 of 4
            assertError(c.readFrame(), "0900 " + APP_ID + " 0400000000000000", 2);
            c.send("13000000 02 00 0000 " + APP_ID + " 0500000000000000 050000"); // body too short for a u64
            assertError(c.readFrame(), "0000 " + APP_ID + " 0500000000000000", 3);
            c.send("1b000000 02 00 0200 " + APP_ID + " 0600000000000000 01 0200000000000000 6869"); // REQUEST for one-way log
            byte[] oneWay = c.readFrame();
            assertError(oneWay, "0200 " + APP_ID + " 0600000000000000", 3);
            assertThat(new String(oneWay, StandardCharsets.UTF_8)).contains("log is one-way");
            c.send("18000000 02 00 0000 " + APP_ID + " 0700000000000000 0700000000000000"); // get_user id 7: handler throws
            byte[] failed = c.readFrame();
            assertError(failed, "0000 " + APP_ID + " 0700000000000000", 4);
            assertThat(new String(failed, StandardCharsets.UTF_8)).contains("no user 7");
            c.send("10000000 02 00 0300 " + APP_ID + " 0800000000000000");      // still usable: ping
            assertThat(hex(c.readFrame())).isEqualTo(hexOf("10000000 03 00 0300 " + APP_ID + " 0800000000000000"));
        }
    }

    @Test
    void requestWithCallIdZero_isAProtocolErrorThatClosesTheConnection() throws Exception {
        try (RawConnection c = handshake()) {
            c.send("10000000 02 00 0300 " + APP_ID + " 0000000000000000");
            assertError(c.readFrame(), "0000 00000000 0000000000000000", 9);
            assertThat(c.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void frameLongerThanTheMaximum_isRefusedBeforeAllocatingAndCloses() throws Exception {
        try (RawConnection c = handshake()) {
            c.send("ffffff7f 02 00 0000 " + APP_ID + " 0100000000000000");
            assertError(c.readFrame(), "0000 00000000 0000000000000000", 10);
            assertThat(c.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void firstFrameNotHello_isAProtocolError() throws Exception {
        try (RawConnection c = RawConnection.open(socket)) {
            c.send("10000000 02 00 0300 " + APP_ID + " 0100000000000000");
            byte[] first = c.readFrame();
            // The server's own HELLO may come first: it sends it without waiting for ours.
            if (first[4] == 1) {
                first = c.readFrame();
            }
            assertError(first, "0000 00000000 0000000000000000", 9);
            assertThat(c.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void unknownFrameKind_isAProtocolError() throws Exception {
        try (RawConnection c = handshake()) {
            c.send("10000000 42 00 0000 00000000 0000000000000000");
            assertError(c.readFrame(), "0000 00000000 0000000000000000", 9);
            assertThat(c.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void serverKeepsServingOthersAfterAConnectionLevelFailure() throws Exception {
        try (RawConnection bad = handshake()) {
            bad.send("10000000 42 00 0000 00000000 0000000000000000");
            assertError(bad.readFrame(), "0000 00000000 0000000000000000", 9);
        }
        try (RawConnection good = handshake()) {
            good.send("10000000 02 00 0300 " + APP_ID + " 0100000000000000");
            assertThat(hex(good.readFrame())).isEqualTo(hexOf("10000000 03 00 0300 " + APP_ID + " 0100000000000000"));
        }
    }

    private RawConnection handshake() throws Exception {
        RawConnection c = RawConnection.open(socket);
        c.send(CLIENT_HELLO);
        byte[] hello = c.readFrame();
        assertThat(hello[4]).as("first frame kind").isEqualTo((byte) 1);
        return c;
    }

    /** ERROR frame: kind 5, flags 0, the echoed method/protocol/call id, then code u32 and a message String. */
    private static void assertError(byte[] frame, String echoedHeaderHex, int code) {
        assertThat(frame).as("an ERROR frame").isNotNull();
        String h = hex(frame);
        assertThat(h.substring(8, 12)).as("kind and flags of " + h).isEqualTo("0500");
        assertThat(h.substring(12, 40)).as("method, protocol, call id of " + h).isEqualTo(echoedHeaderHex.replace(" ", ""));
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(frame.length - 4);
        assertThat(b.getInt(20)).as("error code").isEqualTo(code);
        long messageLength = b.getLong(24);
        assertThat(messageLength).isEqualTo(frame.length - 32L);
    }

    private static String hexOf(String spaced) {
        return spaced.replace(" ", "");
    }

    private final class App implements AppProtocol.Handler {
        @Override
        public AppProtocol.GetUserResponse getUser(AppProtocol.GetUserRequest request, CallContext context) {
            if (request.id() == 7) {
                throw new IllegalStateException("no user 7");
            }
            return new AppProtocol.GetUserResponse(Optional.of(
                    new User(request.id(), "ann", Optional.empty(), List.of(Role.Admin), Map.of("k", "v"))));
        }

        @Override
        public AppProtocol.ListUsersResponse listUsers(AppProtocol.ListUsersRequest request, CallContext context) {
            return new AppProtocol.ListUsersResponse(List.of());
        }

        @Override
        public void log(AppProtocol.LogRequest request, CallContext context) {
            logged.add(request.level() + ":" + request.message());
        }

        @Override
        public AppProtocol.PingResponse ping(AppProtocol.PingRequest request, CallContext context) {
            return new AppProtocol.PingResponse();
        }
    }

    private static final class Admin implements AdminProtocol.Handler {
        @Override
        public AdminProtocol.ShutdownResponse shutdown(AdminProtocol.ShutdownRequest request, CallContext context) {
            return new AdminProtocol.ShutdownResponse(false);
        }

        @Override
        public AdminProtocol.StatsResponse stats(AdminProtocol.StatsRequest request, CallContext context) {
            return new AdminProtocol.StatsResponse(3, 1234);
        }
    }
}
