package dev.ipcgen.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * One kind of closed-loop load on one connection: it keeps a fixed number of calls in flight,
 * and for each completed call records the latency in nanoseconds and counts it.
 */
interface LoadScenario extends AutoCloseable {

    /** Starts {@code inFlight} chains of calls. */
    void start(int inFlight, Recorder latencies, AtomicLong completed, AtomicLong errors) throws Exception;

    /** What is measured and over which transport, for the result line. */
    String describe();

    /** Stops issuing calls and closes the connection and server. */
    @Override
    void close() throws Exception;
}
