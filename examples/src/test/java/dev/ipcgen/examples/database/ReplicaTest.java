package dev.ipcgen.examples.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The replica applies pushed commits in version order however the runtime's concurrent handlers
 * deliver them, including pushes handled before {@code subscribe}'s answer is applied.
 */
class ReplicaTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Replica replica = new Replica(new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void pushesHandledOutOfOrder_areAppliedInVersionOrder() throws Exception {
        replica.start(0, List.of());
        push(2, new Change("b", Optional.empty()), new Change("c", Optional.of("3")));
        push(1, new Change("a", Optional.of("1")), new Change("b", Optional.of("2")));

        assertThat(replica.awaitCommits(2, 0)).isTrue();
        assertThat(replica.describe()).isEqualTo("version 2: {a=1, c=3}");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("[replica] version 1: a=1, b=2" + System.lineSeparator()
                        + "[replica] version 2: b deleted, c=3" + System.lineSeparator());
    }

    @Test
    void pushesHandledBeforeTheSnapshot_areAppliedAfterIt_andOnesItHoldsAreDropped() throws Exception {
        push(2, new Change("c", Optional.of("3")));
        push(1, new Change("a", Optional.of("1")));
        assertThat(replica.awaitCommits(1, 0)).isFalse();

        replica.start(1, List.of(new Change("a", Optional.of("1"))));

        assertThat(replica.awaitCommits(1, 0)).isTrue();
        assertThat(replica.awaitCommits(1, 0)).isFalse();
        assertThat(replica.describe()).isEqualTo("version 2: {a=1, c=3}");
    }

    private void push(long version, Change... changes) {
        replica.replicate(new ReplicationProtocol.ReplicateRequest(version, List.of(changes)), null);
    }
}
