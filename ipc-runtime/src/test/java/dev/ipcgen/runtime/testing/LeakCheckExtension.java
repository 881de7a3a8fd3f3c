package dev.ipcgen.runtime.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaked a Netty buffer. Sets leak detection to PARANOID (every buffer
 * tracked), collects Netty's leak reports through {@link ByteBufUtil#setLeakListener}, forces a
 * GC after the class, and fails the class if any report came in.
 *
 * <p>Registered for JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension}), so every test class of a
 * module that has this test-jar on its test classpath is checked; auto-detection must be on
 * ({@code junit.jupiter.extensions.autodetection.enabled = true}, set in the parent pom).
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ByteBufUtil.setLeakListener((resourceType, records) -> REPORTS.add(resourceType + " leaked:" + records));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) in " + context.getDisplayName()
                    + ":\n" + String.join("\n", leaks));
        }
    }

    /**
     * Forces garbage collection until the leak detector has seen every unreachable buffer, and
     * returns (and forgets) the reports gathered so far.
     */
    public static List<String> collectLeaks() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            // The detector drains its reference queue when it tracks a new buffer.
            ByteBuf probe = ByteBufAllocator.DEFAULT.directBuffer(1);
            probe.release();
            ByteBuf heapProbe = ByteBufAllocator.DEFAULT.heapBuffer(1);
            heapProbe.release();
        }
        List<String> leaks = new ArrayList<>(REPORTS);
        REPORTS.removeAll(leaks);
        return leaks;
    }
}
