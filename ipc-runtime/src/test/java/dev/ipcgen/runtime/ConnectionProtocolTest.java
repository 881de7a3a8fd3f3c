package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.testing.TestFrames.CANCEL;
import static dev.ipcgen.runtime.testing.TestFrames.ERROR;
import static dev.ipcgen.runtime.testing.TestFrames.GOAWAY;
import static dev.ipcgen.runtime.testing.TestFrames.HELLO;
import static dev.ipcgen.runtime.testing.TestFrames.ONEWAY;
import static dev.ipcgen.runtime.testing.TestFrames.PING;
import static dev.ipcgen.runtime.testing.TestFrames.PONG;
import static dev.ipcgen.runtime.testing.TestFrames.REQUEST;
import static dev.ipcgen.runtime.testing.TestFrames.RESPONSE;
import static dev.ipcgen.runtime.testing.TestFrames.frame;
import static dev.ipcgen.runtime.testing.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.testing.TestFrames;
import dev.ipcgen.runtime.testing.TestFrames.Body;
import dev.ipcgen.runtime.wire.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection handler and frame decoder together, on an {@link EmbeddedChannel}: the exact bytes
 * answered to each connection-level failure (wire-format.md sections 1 and 4) and each per-call error.
 */
class ConnectionProtocolTest {

    private static final int CALC = TestProtocols.CALC.id();
    private static final int MAX = 65_536;

    private final Queue<Runnable> handlerTasks = new ArrayDeque<>();
    private final Executor handlers = handlerTasks::add;
    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private final IpcStats stats = new IpcStats();
    private EmbeddedChannel ch;
    private Connection connection;

    private EmbeddedChannel open(int decoderMax, int maxConcurrentCalls, long handshakeMillis) {
        return open(decoderMax, maxConcurrentCalls, handshakeMillis, false);
    }

    private EmbeddedChannel open(int decoderMax, int maxConcurrentCalls, long handshakeMillis, boolean strict) {
        EndpointConfig config = new EndpointConfig("unix:/test.sock",
                ServiceTable.of(java.util.List.of(TestProtocols.calc(logged), TestProtocols.other())),
                decoderMax, handlers, Runnable::run, handshakeMillis, maxConcurrentCalls, stats, strict, null);
        connection = new Connection(config, "test-peer");
        ch = new EmbeddedChannel(new FrameDecoder(decoderMax), connection);
        return ch;
    }

    /** A channel past the handshake: our HELLO read and checked, the peer's HELLO received. */
    private EmbeddedChannel handshaken() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, MAX, CALC, "calc", 1, 0));
        return ch;
    }

    @AfterEach
    void finish() {
        runHandlers();
        if (ch != null) {
            ch.finishAndReleaseAll();
        }
    }

    private void runHandlers() {
        Runnable r;
        while ((r = handlerTasks.poll()) != null) {
            r.run();
        }
        if (ch != null) {
            ch.runPendingTasks();
        }
    }

    private static void release(Object o) {
        io.netty.util.ReferenceCountUtil.release(o);
    }

    private String nextOutbound() {
        runHandlers();
        ByteBuf out = ch.readOutbound();
        while (out != null && !out.isReadable()) {
            out.release();
            out = ch.readOutbound();
        }
        assertThat(out).as("an outbound frame").isNotNull();
        try {
            return hex(out);
        } finally {
            out.release();
        }
    }

    private void assertClosedAfter(ByteBuf expected) {
        try {
            assertThat(nextOutbound()).isEqualTo(hex(expected));
        } finally {
            expected.release();
        }
        assertThat(ch.isOpen()).as("closed after the connection-level ERROR").isFalse();
    }

    private void assertProtocolError(String message) {
        assertClosedAfter(TestFrames.error(0, 0, 0, 9, message));
    }

    private void assertAnswer(ByteBuf expected) {
        try {
            assertThat(nextOutbound()).isEqualTo(hex(expected));
        } finally {
            expected.release();
        }
        assertThat(ch.isOpen()).isTrue();
    }

    private static byte[] add(long a, long b) {
        return new Body().u64(a).u64(b).bytes();
    }

    // ---- handshake ------------------------------------------------------------------------

    @Test
    void hello_isSentAtOnceWithTheServedProtocols() {
        open(MAX, 16, 10_000);
        ByteBuf expected = TestFrames.hello(0x31435049L, 1, MAX,
                CALC, "calc", 1, 0x1234_5678_9ABC_DEF0L,
                TestProtocols.OTHER.id(), "other", 1, 0);
        assertThat(expected.getIntLE(4 + 16)).isEqualTo(0x31435049);
        assertAnswer(expected);
    }

    @Test
    void firstFrameNotHello_isProtocolError() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 1, add(1, 2)));
        assertProtocolError("the first frame is REQUEST (expected: HELLO)");
    }

    @Test
    void helloWithWrongMagic_isProtocolError() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435048L, 1, MAX));
        assertProtocolError("HELLO magic 0x31435048 (expected: 0x31435049, \"IPC1\")");
    }

    @Test
    void helloWithWrongVersion_isProtocolError() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 2, MAX));
        assertProtocolError("HELLO wire version 2 (expected: 1)");
    }

    @Test
    void helloWithSmallMaximum_isProtocolError() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, 65_535));
        assertProtocolError("HELLO max_frame_length 65535 (expected: at least 65536)");
    }

    @Test
    void helloWithWrongProtocolId_isProtocolError() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, MAX, 1, "calc", 1, 0));
        assertProtocolError(String.format("HELLO protocol calc@1 has id 0x00000001 (expected: 0x%08X)", CALC));
    }

    @Test
    void undecodableHello_isProtocolError() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(frame(HELLO, 0, 0, 0, 0, new Body().u32(0x31435049L).bytes()));
        assertProtocolError("HELLO does not decode: unexpected end of body reading u16 (needed 2 bytes, 0 left)");
    }

    @Test
    void secondHello_isProtocolError() {
        handshaken();
        ch.writeInbound(TestFrames.hello());
        assertProtocolError("a second HELLO");
    }

    @Test
    void unauthorizedBeforeHello_closesWithoutAnswer() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.error(0, 0, 0, 11, "not you"));
        runHandlers();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isFalse();
        assertThat(connection.ready).isCompletedExceptionally();
        assertThat(connection.ready.handle((h, t) -> t.getMessage()).join())
                .isEqualTo("test-peer refused the connection: UNAUTHORIZED (11): not you");
    }

    @Test
    void noHelloWithinTheHandshakeTimeout_isProtocolError() throws Exception {
        open(MAX, 16, 1);
        release(ch.readOutbound());
        Thread.sleep(5);
        ch.runScheduledPendingTasks();
        assertProtocolError("no HELLO within 1 ms");
    }

    // ---- the frame itself -----------------------------------------------------------------

    @Test
    void unknownKind_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(12, 0, 0, 0, 0, new byte[0]));
        assertProtocolError("unknown frame kind 12 (expected: 1..9)");
        assertThat(stats.protocolErrors()).isEqualTo(1);
    }

    @Test
    void kindZero_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(0, 0, 0, 0, 0, new byte[0]));
        assertProtocolError("unknown frame kind 0 (expected: 1..9)");
    }

    @Test
    void unknownFlagBit_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 4, 0, CALC, 1, add(1, 2)));
        assertProtocolError("unknown flag bits 0x4 on REQUEST (expected: only bits 0 and 1)");
    }

    @Test
    void timeoutFlagOnOneWay_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(ONEWAY, 1, 2, CALC, 0, new Body().u64(5).string("x").bytes()));
        assertProtocolError("timeout flag on ONEWAY (expected: only on REQUEST)");
    }

    @Test
    void metadataFlagOnResponse_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(RESPONSE, 2, 0, CALC, 1, new Body().u64(0).bytes()));
        assertProtocolError("metadata flag on RESPONSE (expected: only on REQUEST or ONEWAY)");
    }

    @Test
    void undecodableMetadata_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 2, 0, CALC, 1, new Body().u64(1).u64(99).raw((byte) 'k').bytes()));
        assertProtocolError("metadata does not decode: HashMap length 1 exceeds the 9 bytes left");
    }

    @Test
    void lengthShorterThanTheHeader_isProtocolError() {
        handshaken();
        ch.writeInbound(TestFrames.rawLength(15, new byte[15]));
        assertProtocolError("frame length 15 is shorter than the 16-byte header");
    }

    @Test
    void lengthWithoutRoomForTheTimeout_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 1, 0, CALC, 1, new byte[4]));
        assertProtocolError("frame length 20 leaves no room for the timeout its flags announce");
    }

    @Test
    void lengthPastThisEndsMaximum_isFrameTooLarge_beforeTheBytesArrive() {
        handshaken();
        ch.writeInbound(TestFrames.rawLength(MAX + 1, new byte[8]));
        assertClosedAfter(TestFrames.error(0, 0, 0, 10, "frame length 65537 exceeds this end's maximum of 65536"));
    }

    @Test
    void pingBodyNotEightBytes_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(PING, 0, 0, 0, 0, new byte[7]));
        assertProtocolError("PING body of 7 bytes (expected: 8)");
    }

    @Test
    void undecodableError_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(ERROR, 0, 0, CALC, 5, new Body().u32(4).bytes()));
        assertProtocolError("ERROR does not decode: unexpected end of body reading String length (needed 8 bytes, 0 left)");
    }

    @Test
    void undecodableGoAway_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(GOAWAY, 0, 0, 0, 0, new Body().u64(10).bytes()));
        assertProtocolError("GOAWAY does not decode: String length 10 exceeds the 0 bytes left");
    }

    @Test
    void requestWithCallIdZero_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 0, add(1, 2)));
        assertProtocolError("a REQUEST with call id 0");
    }

    @Test
    void requestReusingAnIdInFlight_isProtocolError() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 7, add(1, 2)));
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 7, add(3, 4)));
        ByteBuf err = ch.readOutbound();
        try {
            assertThat(hex(err)).isEqualTo(hex(TestFrames.error(0, 0, 0, 9,
                    "a REQUEST reuses call id 7 of a call still in flight")));
        } finally {
            err.release();
        }
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void bytesAfterAFailure_areIgnored() {
        handshaken();
        ByteBuf two = frame(12, 0, 0, 0, 0, new byte[0]);
        two.writeBytes(frame(PING, 0, 0, 0, 0, new byte[8]));
        ch.writeInbound(two);
        assertProtocolError("unknown frame kind 12 (expected: 1..9)");
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    // ---- calls ----------------------------------------------------------------------------

    @Test
    void request_isAnsweredWithTheResponse() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 3, add(40, 2)));
        assertAnswer(frame(RESPONSE, 0, 0, CALC, 3, new Body().u64(42).bytes()));
    }

    @Test
    void requestSplitAcrossReads_isAnswered() {
        handshaken();
        ByteBuf f = frame(REQUEST, 0, 0, CALC, 3, add(40, 2));
        ch.writeInbound(f.readRetainedSlice(10));
        ch.writeInbound(f);
        assertAnswer(frame(RESPONSE, 0, 0, CALC, 3, new Body().u64(42).bytes()));
    }

    @Test
    void timeoutAndMetadata_areReadAndSkipped() {
        handshaken();
        byte[] rest = new Body().u64(1_000_000).u64(1).string("trace").u64(2).raw((byte) 1, (byte) 2)
                .u64(40).u64(2).bytes();
        ch.writeInbound(frame(REQUEST, 3, 0, CALC, 3, rest));
        assertAnswer(frame(RESPONSE, 0, 0, CALC, 3, new Body().u64(42).bytes()));
    }

    @Test
    void trailingBytesAfterTheBody_areIgnored() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 3, new Body().u64(1).u64(2).raw((byte) 9, (byte) 9).bytes()));
        assertAnswer(frame(RESPONSE, 0, 0, CALC, 3, new Body().u64(3).bytes()));
    }

    @Test
    void unknownProtocol_isUnknownProtocol_andTheConnectionStaysOpen() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 1, 0x0BAD_F00D, 4, new byte[0]));
        assertAnswer(TestFrames.error(0x0BAD_F00D, 1, 4, 1, "protocol id 0x0BADF00D is not served by unix:/test.sock"));
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 5, add(1, 1)));
        assertAnswer(frame(RESPONSE, 0, 0, CALC, 5, new Body().u64(2).bytes()));
    }

    @Test
    void protocolZero_isUnknownProtocol() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, 0, 4, new byte[0]));
        assertAnswer(TestFrames.error(0, 0, 4, 1, "protocol id 0x00000000 is not served by unix:/test.sock"));
    }

    @Test
    void methodOutOfRange_isUnknownMethod() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 7, CALC, 4, new byte[0]));
        assertAnswer(TestFrames.error(CALC, 7, 4, 2, "protocol calc@1 has no method 7 (expected: 0..6)"));
    }

    @Test
    void requestForAOneWayMessage_isBadRequest() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 2, CALC, 4, new Body().string("x").bytes()));
        assertAnswer(TestFrames.error(CALC, 2, 4, 3, "log is one-way"));
    }

    @Test
    void undecodableBody_isBadRequestWithTheDecodeError() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 4, new Body().u64(1).bytes()));
        assertAnswer(TestFrames.error(CALC, 0, 4, 3,
                "cannot decode the calc.add request: unexpected end of body reading i64 (needed 8 bytes, 0 left)"));
    }

    @Test
    void handlerException_isHandlerErrorWithItsMessage() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 3, CALC, 4, new Body().string("boom").bytes()));
        assertAnswer(TestFrames.error(CALC, 3, 4, 4, "boom"));
    }

    @Test
    void responseTooLongForThePeer_isFrameTooLargeWithTheCallsId() {
        open(1 << 20, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, MAX));
        ch.writeInbound(frame(REQUEST, 0, 1, CALC, 8, new Body().string("y".repeat(MAX)).bytes()));
        assertAnswer(TestFrames.error(CALC, 1, 8, 10,
                "the calc.echo response of 65560 bytes exceeds the caller's maximum frame length of 65536"));
    }

    @Test
    void tooManyCallsInFlight_isResourceExhausted() {
        open(MAX, 1, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello());
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 1, add(1, 1)));
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 2, add(2, 2)));
        ByteBuf err = ch.readOutbound();
        try {
            assertThat(hex(err)).isEqualTo(hex(TestFrames.error(CALC, 0, 2, 8,
                    "1 calls are in flight on this connection (limit 1)")));
        } finally {
            err.release();
        }
        assertAnswer(frame(RESPONSE, 0, 0, CALC, 1, new Body().u64(2).bytes()));
    }

    @Test
    void oneWay_runsTheHandlerAndAnswersNothing() {
        handshaken();
        ch.writeInbound(frame(ONEWAY, 0, 2, CALC, 0, new Body().string("hello").bytes()));
        runHandlers();
        assertThat(logged).containsExactly("hello");
        assertThat(ch.<Object>readOutbound()).isNull();
    }

    @Test
    void oneWayForARequestResponseMessage_isDroppedAndCounted() {
        handshaken();
        ch.writeInbound(frame(ONEWAY, 0, 0, CALC, 0, add(1, 2)));
        ch.writeInbound(frame(ONEWAY, 0, 0, 0x0BAD_F00D, 0, new byte[0]));
        runHandlers();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(stats.droppedOneWays()).isEqualTo(2);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void answerForAnUnknownCall_isDroppedAndCounted() {
        handshaken();
        ch.writeInbound(frame(RESPONSE, 0, 0, CALC, 99, new Body().u64(1).bytes()));
        ch.writeInbound(TestFrames.error(CALC, 0, 98, 4, "late"));
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(stats.droppedAnswers()).isEqualTo(2);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void ping_isAnsweredWithAPongOfTheSameBytes() {
        handshaken();
        ch.writeInbound(frame(PING, 0, 0, 0, 0, new Body().u64(0x0102030405060708L).bytes()));
        assertAnswer(frame(PONG, 0, 0, 0, 0, new Body().u64(0x0102030405060708L).bytes()));
    }

    @Test
    void goAway_answersNewRequestsUnavailable_andClosesOnceTheLastCallIsAnswered() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 1, add(1, 1)));
        connection.goAway("maintenance", 10_000);
        ch.runPendingTasks();
        ByteBuf goAway = ch.readOutbound();
        assertThat(hex(goAway)).isEqualTo(hex(frame(GOAWAY, 0, 0, 0, 0, new Body().string("maintenance").bytes())));
        goAway.release();
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 2, add(2, 2)));
        ByteBuf refused = ch.readOutbound();
        assertThat(hex(refused)).isEqualTo(hex(TestFrames.error(CALC, 0, 2, 7, "unix:/test.sock is shutting down")));
        refused.release();
        assertThat(ch.isOpen()).isTrue();
        assertThat(nextOutbound()).isEqualTo(hex(frame(RESPONSE, 0, 0, CALC, 1, new Body().u64(2).bytes())));
        ch.runPendingTasks();
        assertThat(ch.isOpen()).as("closed once drained").isFalse();
        IpcException e = (IpcException) connection.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT).handle((r, t) -> t).join();
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(e.detail()).isEqualTo("connection closed by this end (GOAWAY: maintenance)");
    }

    @Test
    void goAwayFromThePeer_makesNewCallsFailLocallyWithUnavailable() {
        handshaken();
        ch.writeInbound(frame(GOAWAY, 0, 0, 0, 0, new Body().string("maintenance").bytes()));
        IpcException e = (IpcException) connection.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT).handle((r, t) -> t).join();
        assertThat(e).hasMessage("calc.echo on test-peer failed: UNAVAILABLE (7): "
                + "the peer is closing the connection (GOAWAY: maintenance)");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void cancelAndGoAway_writeNothing() {
        handshaken();
        ch.writeInbound(frame(CANCEL, 0, 0, CALC, 5, new byte[0]));
        ch.writeInbound(frame(GOAWAY, 0, 0, 0, 0, new Body().string("bye").bytes()));
        runHandlers();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void connectionErrorFromThePeer_closesAndFailsPendingCalls() throws Exception {
        handshaken();
        var pending = connection.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT);
        ch.runPendingTasks();
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.error(0, 0, 0, 9, "you sent garbage"));
        assertThat(ch.isOpen()).isFalse();
        assertThat(pending.handle((r, t) -> t.getMessage()).get(1, TimeUnit.SECONDS))
                .isEqualTo("calc.echo on test-peer failed: CONNECTION_CLOSED: connection closed by the peer: "
                        + "PROTOCOL_ERROR (9): you sent garbage");
    }

    @Test
    void call_writesTheRequestWithTheNextCallId() throws Exception {
        handshaken();
        var first = connection.call(TestProtocols.ADD, new TestProtocols.Add(1, 2), CallOptions.DEFAULT);
        var second = connection.call(TestProtocols.ECHO, "é", CallOptions.DEFAULT);
        assertThat(nextOutbound()).isEqualTo(hex(frame(REQUEST, 0, 0, CALC, 1, add(1, 2))));
        assertThat(nextOutbound()).isEqualTo(hex(frame(REQUEST, 0, 1, CALC, 2, new Body().string("é").bytes())));
        ch.writeInbound(frame(RESPONSE, 0, 1, CALC, 2, new Body().string("ok").bytes()));
        ch.writeInbound(TestFrames.error(CALC, 0, 1, 42, "a code from the future"));
        assertThat(second.get(1, TimeUnit.SECONDS)).isEqualTo("ok");
        IpcException e = (IpcException) first.handle((r, t) -> t).get(1, TimeUnit.SECONDS);
        assertThat(e.code()).isEqualTo(ErrorCode.UNRECOGNIZED);
        assertThat(e.codeValue()).isEqualTo(42);
        assertThat(e).hasMessage("calc.add on test-peer failed: code 42: a code from the future");
    }

    @Test
    void callWithTimeout_sendsTheTimeoutInMicroseconds() {
        handshaken();
        connection.call(TestProtocols.ECHO, "t", CallOptions.DEFAULT.withTimeout(java.time.Duration.ofMillis(1500)));
        assertThat(nextOutbound()).isEqualTo(hex(frame(REQUEST, 1, 1, CALC, 1,
                new Body().u64(1_500_000).string("t").bytes())));
    }

    @Test
    void send_writesAOneWayFrame() {
        handshaken();
        connection.send(TestProtocols.LOG, "note", CallOptions.DEFAULT);
        assertThat(nextOutbound()).isEqualTo(hex(frame(ONEWAY, 0, 2, CALC, 0, new Body().string("note").bytes())));
    }

    @Test
    void otherFingerprint_isOnlyAWarningByDefault() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, MAX, CALC, "calc", 1, 0x1111));
        connection.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT);
        assertThat(nextOutbound()).isEqualTo(hex(frame(REQUEST, 0, 1, CALC, 1, new Body().string("x").bytes())));
    }

    @Test
    void otherFingerprint_failsLocallyWhenStrict() {
        open(MAX, 16, 10_000, true);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, MAX, CALC, "calc", 1, 0x1111));
        IpcException e = (IpcException) connection.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT).handle((r, t) -> t).join();
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROTOCOL);
        assertThat(e.detail()).isEqualTo("peer serves calc@1 with fingerprint 0x0000000000001111; this side's has "
                + "0x123456789ABCDEF0 (appended messages or Option fields are compatible; anything else may not be)");
    }

    @Test
    void fingerprintZeroFromThePeer_isNotChecked() {
        open(MAX, 16, 10_000, true);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello(0x31435049L, 1, MAX, CALC, "calc", 1, 0));
        connection.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT);
        assertThat(nextOutbound()).isEqualTo(hex(frame(REQUEST, 0, 1, CALC, 1, new Body().string("x").bytes())));
    }

    @Test
    void requestWithNoTimeLeft_isDeadlineExceededWithoutRunningTheHandler() {
        handshaken();
        ch.writeInbound(frame(REQUEST, 1, 1, CALC, 3, new Body().u64(0).string("late").bytes()));
        assertThat(handlerTasks).isEmpty();
        assertAnswer(TestFrames.error(CALC, 1, 3, 6, "the call arrived with no time left"));
    }

    @Test
    void handlerPastTheCallersTimeout_isDeadlineExceeded_andItsAnswerDropped() throws Exception {
        handshaken();
        ch.writeInbound(frame(REQUEST, 1, 1, CALC, 3, new Body().u64(1000).string("slow").bytes()));
        Thread.sleep(5);
        ch.runScheduledPendingTasks();
        ByteBuf expired = ch.readOutbound();
        assertThat(hex(expired)).isEqualTo(hex(TestFrames.error(CALC, 1, 3, 6,
                "no answer within the caller's timeout of 1000 microseconds")));
        expired.release();
        runHandlers();
        assertThat(ch.<Object>readOutbound()).isNull();
        ch.writeInbound(frame(REQUEST, 0, 1, CALC, 3, new Body().string("id 3 is free again").bytes()));
        assertAnswer(frame(RESPONSE, 0, 1, CALC, 3, new Body().string("id 3 is free again").bytes()));
    }

    @Test
    void cancel_isAnsweredCancelled_theHandlerIsTold_andItsAnswerDropped() {
        open(MAX, 16, 10_000);
        release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello());
        ch.writeInbound(frame(REQUEST, 0, 0, CALC, 9, add(1, 2)));
        ch.writeInbound(frame(CANCEL, 0, 0, CALC, 9, new byte[0]));
        ByteBuf cancelled = ch.readOutbound();
        assertThat(hex(cancelled)).isEqualTo(hex(TestFrames.error(CALC, 0, 9, 5, "cancelled by the caller")));
        cancelled.release();
        assertThat(((CallContext) handlerTasks.peek()).isCancelled()).as("the handler can see it").isTrue();
        runHandlers();
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void cancelOfAnUnknownCall_isIgnored() {
        handshaken();
        ch.writeInbound(frame(CANCEL, 0, 0, CALC, 77, new byte[0]));
        assertThat(ch.<Object>readOutbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void callWithTimeoutAndMetadata_writesTheTimeoutThenTheMetadata() {
        handshaken();
        CallOptions options = CallOptions.DEFAULT.withTimeout(java.time.Duration.ofMillis(1))
                .withMetadata("trace", Bytes.of((byte) 1, (byte) 2));
        connection.call(TestProtocols.ECHO, "m", options);
        assertThat(nextOutbound()).isEqualTo(hex(frame(REQUEST, 3, 1, CALC, 1, new Body().u64(1000)
                .u64(1).string("trace").u64(2).raw((byte) 1, (byte) 2).string("m").bytes())));
    }

    @Test
    void sendWithMetadata_setsTheMetadataFlag() {
        handshaken();
        connection.send(TestProtocols.LOG, "n", CallOptions.DEFAULT.withMetadata("k", Bytes.EMPTY));
        assertThat(nextOutbound()).isEqualTo(hex(frame(ONEWAY, 2, 2, CALC, 0, new Body()
                .u64(1).string("k").u64(0).string("n").bytes())));
    }
}
