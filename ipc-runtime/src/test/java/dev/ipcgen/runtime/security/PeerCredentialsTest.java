package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PeerCredentialsTest {

    @Test
    void of_minusOneMeansUnknown() {
        PeerCredentials credentials = PeerCredentials.of(1000, -1, 4242);
        assertThat(credentials.uid()).isEqualTo(OptionalLong.of(1000));
        assertThat(credentials.gid()).isEmpty();
        assertThat(credentials.pid()).isEqualTo(OptionalLong.of(4242));
        assertThat(credentials.isKnown()).isTrue();
    }

    @Test
    void toString_listsKnownIds() {
        assertThat(PeerCredentials.of(1000, 1000, 4242)).hasToString("uid=1000 gid=1000 pid=4242");
        assertThat(PeerCredentials.of(0, 0, -1)).hasToString("uid=0 gid=0");
        assertThat(PeerCredentials.unknown()).hasToString("unknown");
    }

    @Test
    void unknown_isNotKnown() {
        assertThat(PeerCredentials.unknown().isKnown()).isFalse();
        assertThat(PeerCredentials.of(-1, -1, -1)).isEqualTo(PeerCredentials.unknown());
    }

    @Test
    void of_rejectsIdsBelowMinusOne() {
        assertThatThrownBy(() -> PeerCredentials.of(-2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uid -2 is invalid (expected -1 for unknown, or >= 0)");
        assertThatThrownBy(() -> new PeerCredentials(OptionalLong.empty(), OptionalLong.of(-5), OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gid -5 is invalid (expected >= 0)");
    }

    @Test
    void ofThisProcess_matchesProc() throws Exception {
        PeerCredentials self = PeerCredentials.ofThisProcess();
        assertThat(self.uid().getAsLong()).isEqualTo(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
        assertThat(self.gid().getAsLong()).isEqualTo(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:gid")).longValue());
        assertThat(self.pid()).isEqualTo(OptionalLong.of(ProcessHandle.current().pid()));
    }
}
