package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.TlsSettings;
import dev.ipcgen.runtime.wire.Frames;
import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The options {@link IpcServer.Builder} and {@link IpcClient.Builder} share, checked as they are
 * set; each builder keeps its public methods (and their Javadoc) and delegates here. Not
 * thread-safe, like the builders.
 */
final class EndpointOptions {

    private final List<Service> services = new ArrayList<>();
    private Executor handlerExecutor;
    private Executor callbackExecutor;
    private int maxFrameLength = Frames.DEFAULT_MAX_FRAME_LENGTH;
    private Transport transport = Transport.AUTO;
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private int maxConcurrentCalls = 4096;
    private boolean strictFingerprints;
    private ConnectionListener listener;
    private final List<ServerInterceptor> serverInterceptors = new ArrayList<>();
    private final List<ClientInterceptor> clientInterceptors = new ArrayList<>();
    private Duration keepalive;
    private Duration idleTimeout;
    private WritePolicy writePolicy = WritePolicy.WAIT;
    private Duration maxWriteWait = Duration.ofNanos(EndpointConfig.DEFAULT_MAX_WRITE_WAIT_NANOS);
    private WriteBufferWaterMark waterMark = new WriteBufferWaterMark(EndpointConfig.DEFAULT_LOW_WATER_MARK,
            EndpointConfig.DEFAULT_HIGH_WATER_MARK);
    private TlsSettings tls;

    /** @throws IllegalArgumentException if a service with the same protocol id is already registered */
    void serve(Service service) {
        Objects.requireNonNull(service, "service");
        ServiceTable.checkNew(services, service);
        services.add(service);
    }

    void handlerExecutor(Executor executor) {
        this.handlerExecutor = Objects.requireNonNull(executor, "executor");
    }

    void callbackExecutor(Executor executor) {
        this.callbackExecutor = Objects.requireNonNull(executor, "executor");
    }

    void maxFrameLength(int maxFrameLength) {
        this.maxFrameLength = IpcServer.checkMaxFrameLength(maxFrameLength);
    }

    void transport(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    void handshakeTimeout(Duration timeout) {
        this.handshakeTimeout = IpcServer.checkPositive(timeout, "handshakeTimeout");
    }

    void maxConcurrentCalls(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls " + max + " (expected: at least 1)");
        }
        this.maxConcurrentCalls = max;
    }

    void strictFingerprints(boolean strict) {
        this.strictFingerprints = strict;
    }

    void serverInterceptor(ServerInterceptor interceptor) {
        serverInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    }

    void clientInterceptor(ClientInterceptor interceptor) {
        clientInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    }

    void writePolicy(WritePolicy policy) {
        this.writePolicy = Objects.requireNonNull(policy, "policy");
    }

    void maxWriteWait(Duration maxWait) {
        this.maxWriteWait = IpcServer.checkPositive(maxWait, "maxWriteWait");
    }

    void writeBufferWaterMarks(int low, int high) {
        this.waterMark = IpcServer.checkWaterMarks(low, high);
    }

    void keepalive(Duration interval) {
        this.keepalive = IpcServer.checkPositive(interval, "keepalive");
    }

    void idleTimeout(Duration timeout) {
        this.idleTimeout = IpcServer.checkPositive(timeout, "idleTimeout");
    }

    void connectionListener(ConnectionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    void tls(TlsSettings settings) {
        this.tls = Objects.requireNonNull(settings, "settings");
    }

    TlsSettings tls() {
        return tls;
    }

    Transport transport() {
        return transport;
    }

    int maxFrameLength() {
        return maxFrameLength;
    }

    Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    WriteBufferWaterMark waterMark() {
        return waterMark;
    }

    /** Whether the endpoint needs a pool of its own: not both executors were given. */
    boolean needsOwnPool() {
        return handlerExecutor == null || callbackExecutor == null;
    }

    /**
     * The idle timeout in nanoseconds, 0 for none.
     *
     * @throws IllegalArgumentException if it is not longer than the keepalive
     */
    long idleTimeoutNanos() {
        return IpcServer.checkIdle(keepalive, idleTimeout);
    }

    /**
     * What the endpoint's connections share, named {@code local}.
     *
     * @param ownedPool the endpoint's own pool, standing in for an executor not given; null if both were
     */
    EndpointConfig config(String local, IpcStats stats, ExecutorService ownedPool, long idleTimeoutNanos) {
        return new EndpointConfig(local, ServiceTable.of(services), maxFrameLength,
                handlerExecutor != null ? handlerExecutor : ownedPool,
                callbackExecutor != null ? callbackExecutor : ownedPool, handshakeTimeout.toMillis(),
                maxConcurrentCalls, stats, strictFingerprints, listener,
                serverInterceptors.toArray(new ServerInterceptor[0]), clientInterceptors.toArray(new ClientInterceptor[0]),
                writePolicy, Connection.saturatedNanos(maxWriteWait), IpcServer.nanosOrZero(keepalive), idleTimeoutNanos);
    }
}
