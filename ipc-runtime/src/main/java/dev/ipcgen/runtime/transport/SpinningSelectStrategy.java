package dev.ipcgen.runtime.transport;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;

/**
 * How the runtime's event loops wait for work: an idle loop polls without blocking (yielding the
 * core between polls) {@link #spins} times before it blocks in the kernel. Under load the next read
 * or write command then usually arrives while the loop is still awake, so the worker threads that
 * hand it commands need no eventfd wake-up and the loop no trip through the kernel's sleep path;
 * an idle loop blocks after a few hundred microseconds, so an idle endpoint costs nothing. On the
 * 2-core benchmark machine this raised get_user at 64 calls in flight from about 250k to 450k
 * calls/s (docs/performance.md). On a single core there is nobody to produce work while a loop
 * polls, so there the default is Netty's blocking wait, which {@value #SPINS_PROPERTY}{@code =0}
 * also chooses.
 */
final class SpinningSelectStrategy implements SelectStrategy {

    /** The system property that sets the number of polls before blocking (default {@value #DEFAULT_SPINS}). */
    static final String SPINS_PROPERTY = "ipcgen.eventLoopSpins";

    static final int DEFAULT_SPINS = 100;

    private final int spins;
    /** Polls in a row that found nothing; the loop thread is the only one to use it. */
    private int idle;

    SpinningSelectStrategy(int spins) {
        this.spins = spins;
    }

    /**
     * A factory for loops that poll {@code ipcgen.eventLoopSpins} times before blocking: by default
     * {@value #DEFAULT_SPINS}, or none when the JVM may use only one processor.
     */
    static SelectStrategyFactory factory() {
        int byDefault = Runtime.getRuntime().availableProcessors() > 1 ? DEFAULT_SPINS : 0;
        int spins = Math.max(0, Integer.getInteger(SPINS_PROPERTY, byDefault));
        return () -> new SpinningSelectStrategy(spins);
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (spins == 0) {
            return hasTasks ? selectNow.get() : SelectStrategy.SELECT;
        }
        int ready = selectNow.get();
        if (ready > 0 || hasTasks) {
            idle = 0;
            return ready;
        }
        if (++idle <= spins) {
            Thread.yield();
            return ready;
        }
        idle = 0;
        return SelectStrategy.SELECT;
    }
}
