package dev.ipcgen.runtime.testing;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the messages one JDK logger writes between {@link #start()} and {@link #stop()}
 * (Netty logs through JDK logging in these tests, so the runtime's log lines arrive formatted).
 */
public final class LogCapture extends Handler {

    /** Held so that the JDK does not drop the logger, and the handler with it, while capturing. */
    private final Logger logger;
    private final Queue<String> messages = new ConcurrentLinkedQueue<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    /** A capture of the logger named {@code loggerName}, not yet started. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName));
    }

    /** Starts collecting. */
    public void start() {
        logger.addHandler(this);
    }

    /** Stops collecting; the messages collected so far stay. */
    public void stop() {
        logger.removeHandler(this);
    }

    /** The messages collected, oldest first. */
    public Queue<String> messages() {
        return messages;
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
