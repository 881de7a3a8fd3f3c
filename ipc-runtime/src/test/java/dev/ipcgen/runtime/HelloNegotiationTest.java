package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.SocketDirs;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the peer's HELLO decides before any frame is sent: protocols it does not serve (or serves at
 * another version) fail locally, and a protocol served with another fingerprint (an older or newer
 * schema of the same name and version) still works for appended Option fields, with one warning.
 */
class HelloNegotiationTest {

    /** {@code profile@1 { get { id: u64 } -> { name: String } }}, as an older peer was built. */
    record OldProfile(String name) {
    }

    /** The same message after {@code nick: Option<String>} was appended to its response. */
    record NewProfile(String name, Optional<String> nick) {
    }

    static final Codec<OldProfile> OLD_CODEC = Codecs.of((out, v) -> Bincode.writeString(out, v.name()),
            in -> new OldProfile(Bincode.readString(in)));
    /** Decodes the appended Option as None when the body ends where it would begin (wire-format.md section 6). */
    static final Codec<NewProfile> NEW_CODEC = Codecs.of((out, v) -> {
        Bincode.writeString(out, v.name());
        Bincode.writeOption(out, v.nick(), Codecs.STRING);
    }, in -> new NewProfile(Bincode.readString(in),
            in.isReadable() ? Bincode.readOption(in, Codecs.STRING) : Optional.empty()));

    static final MethodDescriptor<Long, OldProfile> GET_OLD =
            MethodDescriptor.unary("profile", 1, "get", 0, Codecs.U64, OLD_CODEC);
    static final ProtocolDescriptor PROFILE_OLD = ProtocolDescriptor.of("profile", 1, 0x1111_1111_1111_1111L, List.of(GET_OLD));
    static final MethodDescriptor<Long, NewProfile> GET_NEW =
            MethodDescriptor.unary("profile", 1, "get", 0, Codecs.U64, NEW_CODEC);
    static final ProtocolDescriptor PROFILE_NEW = ProtocolDescriptor.of("profile", 1, 0x2222_2222_2222_2222L, List.of(GET_NEW));

    private final Path dir = SocketDirs.create();

    @AfterEach
    void cleanUp() {
        SocketDirs.delete(dir);
    }

    private IpcServer serve(Service... services) {
        IpcServer.Builder b = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock")))
                .shutdownGracePeriod(java.time.Duration.ZERO);
        for (Service s : services) {
            b.serve(s);
        }
        return b.start();
    }

    private static IpcException failure(CompletableFuture<?> f) {
        assertThat(f).isDone();
        try {
            f.get(0, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IpcException.class);
            return (IpcException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void protocolServedAtAnotherVersion_failsAtOnceWithBothVersions() {
        try (IpcServer server = serve(TestProtocols.calcV2());
                IpcConnection c = IpcClient.connect(server.endpoint())) {
            // Done on return: decided from the HELLO, no frame went out.
            IpcException e = failure(c.call(TestProtocols.ADD, new TestProtocols.Add(1, 2), CallOptions.DEFAULT));
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROTOCOL);
            assertThat(e.detail()).isEqualTo("peer serves calc version 2; this side speaks version 1");
            assertThat(e).hasMessage("calc.add on " + server.endpoint()
                    + " failed: UNKNOWN_PROTOCOL (1): peer serves calc version 2; this side speaks version 1");
            IpcException other = failure(c.call(TestProtocols.TWICE, 1L, CallOptions.DEFAULT));
            assertThat(other.detail()).isEqualTo("peer does not serve other@1; it serves calc@2");
            assertThat(failure(c.send(TestProtocols.LOG, "x", CallOptions.DEFAULT)).code())
                    .isEqualTo(ErrorCode.UNKNOWN_PROTOCOL);
        }
    }

    @Test
    void olderWriter_appendedOptionFieldDecodesAsNone_andTheMismatchIsLoggedOnce() throws Exception {
        assertThat(InternalLoggerFactory.getDefaultFactory()).isInstanceOf(JdkLoggerFactory.class);
        Logger jul = Logger.getLogger(Connection.class.getName());
        AtomicInteger warnings = new AtomicInteger();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().contains("fingerprint")) {
                    warnings.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(counter);
        Service old = Service.builder(PROFILE_OLD).unary(GET_OLD, (id, ctx) -> new OldProfile("user" + id)).build();
        try (IpcServer server = serve(old); IpcConnection c = IpcClient.connect(server.endpoint())) {
            assertThat(c.call(GET_NEW, 7L, CallOptions.DEFAULT).get(2, TimeUnit.SECONDS))
                    .isEqualTo(new NewProfile("user7", Optional.empty()));
            assertThat(c.call(GET_NEW, 8L, CallOptions.DEFAULT).get(2, TimeUnit.SECONDS))
                    .isEqualTo(new NewProfile("user8", Optional.empty()));
            assertThat(warnings).hasValue(1);
        } finally {
            jul.removeHandler(counter);
        }
    }

    @Test
    void strictFingerprints_refuseTheOtherSchemaLocally() {
        Service old = Service.builder(PROFILE_OLD).unary(GET_OLD, (id, ctx) -> new OldProfile("x")).build();
        try (IpcServer server = serve(old);
                IpcConnection c = IpcClient.builder().strictFingerprints(true).connect(server.endpoint())) {
            IpcException e = failure(c.call(GET_NEW, 1L, CallOptions.DEFAULT));
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROTOCOL);
            assertThat(e.detail()).startsWith("peer serves profile@1 with fingerprint 0x1111111111111111; "
                    + "this side's has 0x2222222222222222");
        }
    }
}
