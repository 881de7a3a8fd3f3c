package dev.ipcgen.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpinningSelectStrategyTest {

    @Test
    void anIdleLoop_pollsTheGivenNumberOfTimes_thenBlocks() throws Exception {
        SpinningSelectStrategy strategy = new SpinningSelectStrategy(3);
        AtomicInteger polls = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(strategy.calculateStrategy(() -> {
                polls.incrementAndGet();
                return 0;
            }, false)).isZero();
        }
        assertThat(strategy.calculateStrategy(() -> 0, false)).isEqualTo(SelectStrategy.SELECT);
        assertThat(polls).hasValue(3);
        // After blocking, the count starts over.
        assertThat(strategy.calculateStrategy(() -> 0, false)).isZero();
    }

    @Test
    void readyChannelsOrTasks_restartTheCount() throws Exception {
        SpinningSelectStrategy strategy = new SpinningSelectStrategy(2);
        assertThat(strategy.calculateStrategy(() -> 0, false)).isZero();
        assertThat(strategy.calculateStrategy(() -> 0, false)).isZero();
        assertThat(strategy.calculateStrategy(() -> 4, false)).isEqualTo(4);
        assertThat(strategy.calculateStrategy(() -> 0, false)).isZero();
        assertThat(strategy.calculateStrategy(() -> 0, true)).isZero();
        assertThat(strategy.calculateStrategy(() -> 0, false)).isZero();
        assertThat(strategy.calculateStrategy(() -> 0, false)).isZero();
        assertThat(strategy.calculateStrategy(() -> 0, false)).isEqualTo(SelectStrategy.SELECT);
    }

    @Test
    void zeroSpins_isNettysBlockingWait() throws Exception {
        SpinningSelectStrategy strategy = new SpinningSelectStrategy(0);
        assertThat(strategy.calculateStrategy(() -> {
            throw new AssertionError("an idle loop without tasks must not poll");
        }, false)).isEqualTo(SelectStrategy.SELECT);
        assertThat(strategy.calculateStrategy(() -> 2, true)).isEqualTo(2);
    }
}
