package dev.ipcgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStateTest {

    @TempDir
    Path dir;

    @Test
    void write_thenRead_givesTheSameState() throws IOException {
        Path stateFile = dir.resolve("ipcgen/state.txt");
        GenerationState state = new GenerationState("abc123", List.of("a/B.java", "a/C.java"));
        state.write(stateFile);
        assertThat(GenerationState.read(stateFile)).contains(state);
    }

    @Test
    void read_ofAMissingFile_isEmpty() throws IOException {
        assertThat(GenerationState.read(dir.resolve("none.txt"))).isEmpty();
    }

    @Test
    void read_ofAFileInAnotherFormat_isEmpty() throws IOException {
        Path stateFile = Files.writeString(dir.resolve("state.txt"), "fingerprint abc\nsomething else\n");
        assertThat(GenerationState.read(stateFile)).isEmpty();
        Files.writeString(stateFile, "");
        assertThat(GenerationState.read(stateFile)).isEmpty();
    }
}
