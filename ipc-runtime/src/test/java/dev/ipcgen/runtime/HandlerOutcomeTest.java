package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.testing.TestFrames.REQUEST;
import static dev.ipcgen.runtime.testing.TestFrames.RESPONSE;
import static dev.ipcgen.runtime.testing.TestFrames.frame;
import static dev.ipcgen.runtime.testing.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.TestFrames;
import dev.ipcgen.runtime.testing.TestFrames.Body;
import dev.ipcgen.runtime.wire.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each way a handler can end becomes on the wire. */
class HandlerOutcomeTest {

    static final MethodDescriptor<String, String> NULL_RESPONSE =
            MethodDescriptor.unary("odd", 1, "null_response", 0, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> ASYNC_OK =
            MethodDescriptor.unary("odd", 1, "async_ok", 1, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> ASYNC_FAILED =
            MethodDescriptor.unary("odd", 1, "async_failed", 2, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> ASYNC_NULL =
            MethodDescriptor.unary("odd", 1, "async_null", 3, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> ASYNC_THROWS =
            MethodDescriptor.unary("odd", 1, "async_throws", 4, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> META =
            MethodDescriptor.unary("odd", 1, "meta", 5, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor ODD = ProtocolDescriptor.of("odd", 1, 0,
            List.of(NULL_RESPONSE, ASYNC_OK, ASYNC_FAILED, ASYNC_NULL, ASYNC_THROWS, META));

    private EmbeddedChannel ch;

    @BeforeEach
    void open() {
        Service odd = Service.builder(ODD)
                .unary(NULL_RESPONSE, (r, ctx) -> null)
                .unaryAsync(ASYNC_OK, (r, ctx) -> CompletableFuture.completedFuture(r + "!"))
                .unaryAsync(ASYNC_FAILED, (r, ctx) -> CompletableFuture.failedFuture(new IllegalStateException("later")))
                .unaryAsync(ASYNC_NULL, (r, ctx) -> null)
                .unaryAsync(ASYNC_THROWS, (r, ctx) -> {
                    throw new IllegalArgumentException("at once");
                })
                .unary(META, (r, ctx) -> String.valueOf(ctx.metadata()))
                .build();
        EndpointConfig config = new EndpointConfig("unix:/odd.sock", ServiceTable.of(List.of(odd)), 65_536,
                Runnable::run, Runnable::run, 10_000, 16, new IpcStats(), false, null);
        ch = new EmbeddedChannel(new FrameDecoder(65_536), new Connection(config, "peer"));
        io.netty.util.ReferenceCountUtil.release(ch.readOutbound());
        ch.writeInbound(TestFrames.hello());
    }

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    private String answerTo(MethodDescriptor<String, String> m) {
        ch.writeInbound(frame(REQUEST, 0, m.index(), ODD.id(), 1, new Body().string("x").bytes()));
        ch.runPendingTasks();
        ByteBuf out = ch.readOutbound();
        assertThat(out).isNotNull();
        try {
            return hex(out);
        } finally {
            out.release();
        }
    }

    private static String error(MethodDescriptor<?, ?> m, int code, String message) {
        ByteBuf b = TestFrames.error(ODD.id(), m.index(), 1, code, message);
        try {
            return hex(b);
        } finally {
            b.release();
        }
    }

    @Test
    void nullResponse_isHandlerError() {
        assertThat(answerTo(NULL_RESPONSE)).isEqualTo(error(NULL_RESPONSE, 4, "the odd.null_response handler returned null"));
    }

    @Test
    void completedStage_isTheResponse() {
        ByteBuf expected = frame(RESPONSE, 0, 1, ODD.id(), 1, new Body().string("x!").bytes());
        assertThat(answerTo(ASYNC_OK)).isEqualTo(hex(expected));
        expected.release();
    }

    @Test
    void failedStage_isHandlerErrorWithTheCausesMessage() {
        assertThat(answerTo(ASYNC_FAILED)).isEqualTo(error(ASYNC_FAILED, 4, "later"));
    }

    @Test
    void noStage_isHandlerError() {
        assertThat(answerTo(ASYNC_NULL)).isEqualTo(error(ASYNC_NULL, 4, "the odd.async_null handler returned no CompletionStage"));
    }

    @Test
    void asyncHandlerThrowing_isHandlerError() {
        assertThat(answerTo(ASYNC_THROWS)).isEqualTo(error(ASYNC_THROWS, 4, "at once"));
    }

    @Test
    void metadata_reachesTheHandlerUnchanged() {
        byte[] rest = new Body().u64(2).string("trace").u64(1).raw((byte) 7).string("auth").u64(0).string("x").bytes();
        ch.writeInbound(frame(REQUEST, 2, META.index(), ODD.id(), 1, rest));
        ch.runPendingTasks();
        ByteBuf out = ch.readOutbound();
        ByteBuf expected = frame(RESPONSE, 0, META.index(), ODD.id(), 1,
                new Body().string("{trace=Bytes[07], auth=Bytes[]}").bytes());
        try {
            assertThat(hex(out)).isEqualTo(hex(expected));
        } finally {
            out.release();
        }
    }

    @Test
    void noMetadata_isAnEmptyMap() {
        assertThat(answerTo(META)).isEqualTo(hex(frame(RESPONSE, 0, META.index(), ODD.id(), 1,
                new Body().string("{}").bytes())));
    }
}
