package dev.ipcgen.maven;

import static dev.ipcgen.maven.InputFingerprintTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcSourcesTest {

    @TempDir
    Path dir;

    @Test
    void find_returnsIpcFilesAtAnyDepthSorted() throws IOException {
        Path z = write(dir, "z.ipc", "");
        Path nested = write(dir, "m/n/b.ipc", "");
        Path a = write(dir, "a.ipc", "");
        write(dir, "notes.txt", "");
        write(dir, "a.ipc.bak", "");
        Files.createDirectories(dir.resolve("folder.ipc"));

        assertThat(IpcSources.find(dir)).containsExactly(a, nested, z);
    }

    @Test
    void find_inAMissingFolder_isEmpty() throws IOException {
        assertThat(IpcSources.find(dir.resolve("missing"))).isEmpty();
    }
}
