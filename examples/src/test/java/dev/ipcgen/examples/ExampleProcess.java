package dev.ipcgen.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An example run as a child JVM, as {@code bin/example} would run it, with its output captured. */
final class ExampleProcess implements AutoCloseable {

    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread outPump;
    private final Thread errPump;

    private ExampleProcess(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), stdout);
        this.errPump = pump(process.getErrorStream(), stderr);
    }

    static ExampleProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExampleMain.class.getName());
        command.addAll(List.of(args));
        return new ExampleProcess(new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start());
    }

    /** Waits for the exit status, killing the process after {@code seconds}. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("example did not exit within " + seconds + " s; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        outPump.join(2000);
        errPump.join(2000);
        return process.exitValue();
    }

    /**
     * Sends SIGTERM, as a service manager would. Through the process handle: {@code Process.destroy()}
     * would also close the pipes, losing what the process prints while it stops.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits until stdout contains {@code text}. */
    void awaitOutput(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!stdout().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' from the example; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(20);
        }
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) != -1; ) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // close() destroyed the process, which closes its pipes: nothing more to read.
            }
        }, "example-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
