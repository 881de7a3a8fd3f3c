package dev.ipcgen.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.Bytes;
import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.testing.TestFrames;
import dev.ipcgen.runtime.testing.TestFrames.Body;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(65_536));

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    @Test
    void decode_readsEveryHeaderField() {
        ch.writeInbound(TestFrames.frame(TestFrames.RESPONSE, 0, 0x1234, 0xCAFEBABE, 0x0102030405060708L,
                new byte[] {1, 2, 3}));
        Frame f = ch.readInbound();
        try {
            assertThat(f.kind()).isEqualTo(Frames.RESPONSE);
            assertThat(f.method()).isEqualTo(0x1234);
            assertThat(f.protocol()).isEqualTo(0xCAFEBABE);
            assertThat(f.callId()).isEqualTo(0x0102030405060708L);
            assertThat(f.timeoutMicros()).isEqualTo(Frame.NO_TIMEOUT);
            assertThat(f.metadata()).isEmpty();
            assertThat(ByteBufUtil.getBytes(f.body())).containsExactly(1, 2, 3);
        } finally {
            f.release();
        }
    }

    @Test
    void decode_readsTimeoutAndMetadataBeforeTheBody() {
        byte[] rest = new Body().u64(250).u64(1).string("auth").u64(2).raw((byte) 7, (byte) 8).raw((byte) 9).bytes();
        ch.writeInbound(TestFrames.frame(TestFrames.REQUEST, 3, 0, 5, 1, rest));
        Frame f = ch.readInbound();
        try {
            assertThat(f.timeoutMicros()).isEqualTo(250);
            assertThat(f.metadata()).isEqualTo(Map.of("auth", Bytes.of((byte) 7, (byte) 8)));
            assertThat(ByteBufUtil.getBytes(f.body())).containsExactly(9);
        } finally {
            f.release();
        }
    }

    @Test
    void decode_waitsForTheWholeFrame_andSplitsBackToBackFrames() {
        ByteBuf two = TestFrames.frame(TestFrames.PING, 0, 0, 0, 0, new Body().u64(1).bytes());
        two.writeBytes(TestFrames.frame(TestFrames.PONG, 0, 0, 0, 0, new Body().u64(2).bytes()));
        ch.writeInbound(two.readRetainedSlice(30));
        Frame first = ch.readInbound();
        assertThat(ch.<Object>readInbound()).isNull();
        ch.writeInbound(two);
        Frame second = ch.readInbound();
        try {
            assertThat(first.body().getLongLE(0)).isEqualTo(1);
            assertThat(second.kind()).isEqualTo(Frames.PONG);
            assertThat(second.body().getLongLE(0)).isEqualTo(2);
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    void decode_rejectsALengthPastTheMaximum_fromItsFourBytesAlone() {
        assertThatThrownBy(() -> ch.writeInbound(TestFrames.rawLength(0xFFFF_FFFFL, new byte[0])))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(WireException.class)
                .hasMessage("frame length 4294967295 exceeds this end's maximum of 65536")
                .extracting(e -> ((WireException) e).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    }

    @Test
    void decode_acceptsALengthEqualToTheMaximum() {
        ch.writeInbound(TestFrames.frame(TestFrames.ONEWAY, 0, 0, 1, 0, new byte[65_536 - 16]));
        Frame f = ch.readInbound();
        try {
            assertThat(f.body().readableBytes()).isEqualTo(65_536 - 16);
        } finally {
            f.release();
        }
    }

    @Test
    void decode_afterAFailure_discardsEverything() {
        assertThatThrownBy(() -> ch.writeInbound(TestFrames.frame(10, 0, 0, 0, 0, new byte[0])))
                .isInstanceOf(DecoderException.class);
        ch.writeInbound(TestFrames.frame(TestFrames.PING, 0, 0, 0, 0, new byte[8]));
        assertThat(ch.<Object>readInbound()).isNull();
    }

    @Test
    void hello_roundTrips() {
        Hello hello = new Hello(1 << 20, java.util.List.of(
                new dev.ipcgen.runtime.ProtocolInfo(0x48287F96, "app_protocol", 1, 0x60185B5F51F4EABEL)));
        ByteBuf encoded = hello.encode(io.netty.buffer.ByteBufAllocator.DEFAULT);
        ch.writeInbound(encoded);
        Frame f = ch.readInbound();
        try {
            assertThat(f.kind()).isEqualTo(Frames.HELLO);
            assertThat(Hello.decode(f.body())).isEqualTo(hello);
        } finally {
            f.release();
        }
    }

    @Test
    void hello_forTheExampleProtocol_hasTheSpecifiedBytes() {
        Hello hello = new Hello(16 * 1024 * 1024, java.util.List.of(
                new dev.ipcgen.runtime.ProtocolInfo(0x48287F96, "app_protocol", 1, 0x60185B5F51F4EABEL)));
        ByteBuf encoded = hello.encode(io.netty.buffer.ByteBufAllocator.DEFAULT);
        ByteBuf expected = TestFrames.hello(0x31435049L, 1, 16 * 1024 * 1024,
                0x48287F96, "app_protocol", 1, 0x60185B5F51F4EABEL);
        try {
            assertThat(ByteBufUtil.hexDump(encoded)).isEqualTo(ByteBufUtil.hexDump(expected))
                    .startsWith("46000000" + "01" + "00" + "0000" + "00000000" + "0000000000000000" + "49504331" + "0100");
        } finally {
            encoded.release();
            expected.release();
        }
    }
}
