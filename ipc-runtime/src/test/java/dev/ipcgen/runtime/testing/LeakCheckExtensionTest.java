package dev.ipcgen.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakCheckExtensionTest {

    @Test
    void levelIsParanoid() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void deliberateLeak_isReported() {
        assertThat(LeakCheckExtension.collectLeaks()).isEmpty();
        leakOneBuffer();
        // collectLeaks also forgets the report, so this class itself does not fail.
        List<String> leaks = LeakCheckExtension.collectLeaks();
        assertThat(leaks).isNotEmpty();
        assertThat(leaks.get(0)).contains("ByteBuf leaked").contains("leakOneBuffer");
    }

    @Test
    void releasedBuffer_isNotReported() {
        ByteBufAllocator.DEFAULT.directBuffer(16).writeLong(1).release();
        assertThat(LeakCheckExtension.collectLeaks()).isEmpty();
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.directBuffer(64).writeLong(42);
    }
}
