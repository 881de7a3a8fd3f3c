package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.security.TlsRecordDetector.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TlsRecordDetectorTest {

    private static Verdict classify(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            Verdict verdict = TlsRecordDetector.classify(buf);
            assertThat(buf.readerIndex()).as("reader index").isZero();
            return verdict;
        } finally {
            buf.release();
        }
    }

    @Test
    void clientHello_ofEachVersion_isTls() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            TlsSettings settings = TlsSettings.builder().protocols(protocol).verifyHostname(false).build();
            byte[] hello = FirstBytes.clientHello(settings.newClientEngine("localhost", 1));
            assertThat(classify(hello)).as(protocol).isEqualTo(Verdict.TLS);
            assertThat(classify(Arrays.copyOf(hello, 5))).as(protocol + ", first 5 bytes").isEqualTo(Verdict.TLS);
        }
    }

    @Test
    void helloAndRefusalFrames_areIpcgen() {
        assertThat(classify(FirstBytes.hello())).isEqualTo(Verdict.IPCGEN);
        assertThat(classify(FirstBytes.frame(5, new byte[40]))).isEqualTo(Verdict.IPCGEN);
        assertThat(classify(Arrays.copyOf(FirstBytes.hello(), TlsRecordDetector.BYTES_NEEDED)))
                .isEqualTo(Verdict.IPCGEN);
    }

    @Test
    void helloWhoseLengthStartsLikeATlsRecord_isStillIpcgen() {
        // length 0x00010316 = 66,326 bytes: its first three bytes are 16 03 01, as in a TLS record.
        byte[] prefix = {0x16, 0x03, 0x01, 0x00, 0x01, 0x00};
        assertThat(classify(prefix)).isEqualTo(Verdict.IPCGEN);
    }

    @Test
    void fewBytes_needMore() {
        assertThat(classify(new byte[0])).isEqualTo(Verdict.NEED_MORE);
        assertThat(classify(new byte[] {0x16, 0x03, 0x03, 0x01})).isEqualTo(Verdict.NEED_MORE);
        assertThat(classify(Arrays.copyOf(FirstBytes.hello(), 5))).isEqualTo(Verdict.NEED_MORE);
    }

    @Test
    void otherProtocols_areOther() {
        assertThat(classify("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Verdict.OTHER);
        assertThat(classify(FirstBytes.frame(2, new byte[8]))).as("a REQUEST first").isEqualTo(Verdict.OTHER);
    }

    @Test
    void classify_readsFromTheReaderIndex() {
        byte[] hello = FirstBytes.hello();
        ByteBuf buf = Unpooled.buffer();
        try {
            buf.writeBytes(new byte[] {9, 9, 9}).writeBytes(hello).skipBytes(3);
            assertThat(TlsRecordDetector.classify(buf)).isEqualTo(Verdict.IPCGEN);
            assertThat(buf.readerIndex()).isEqualTo(3);
        } finally {
            buf.release();
        }
    }
}
