package dev.ipcgen.examples;

/** One runnable example, with its three modes. */
public interface Example {

    /**
     * Runs the mode in {@code args}.
     *
     * @return the process exit status
     * @throws ExampleFailure for a failure to report in one line (no server, refused socket, ...)
     */
    int run(ExampleArgs args) throws InterruptedException;
}
