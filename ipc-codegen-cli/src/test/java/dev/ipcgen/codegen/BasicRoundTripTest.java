package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.CallOptions;
import dev.ipcgen.runtime.MethodDescriptor;
import dev.ipcgen.runtime.Peer;
import dev.ipcgen.runtime.ProtocolDescriptor;
import dev.ipcgen.runtime.ProtocolIds;
import dev.ipcgen.runtime.Service;
import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.EncodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles the basic example's generated code once, loads it, and drives its codecs, descriptors,
 * services and senders: the generated code as a user's program sees it.
 */
class BasicRoundTripTest {

    private static Path dir;
    private static ClassLoader loader;

    @BeforeAll
    static void compile() throws Exception {
        dir = Files.createTempDirectory("ipcgen-basic");
        JavaSources.Compiled compiled = JavaSources.compile(new Generator().generate(BasicSchema.schema()).files(), dir);
        assertThat(compiled.diagnostics()).isEmpty();
        loader = compiled.classLoader();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(BasicSchema.PACKAGE + "." + simpleName, true, loader);
    }

    private static Object newRecord(Class<?> type, Object... args) throws Exception {
        Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> c = type.getDeclaredConstructor(types);
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codec(Class<?> type) throws Exception {
        return (Codec<Object>) type.getField("CODEC").get(null);
    }

    private static Object admin() throws Exception {
        return type("Role").getEnumConstants()[0];
    }

    @Test
    void userCodec_writesTheBytesOfWireFormatSection6() throws Exception {
        Object user = newRecord(type("User"), 1L, "a", Optional.empty(), List.of(admin()), Map.of());
        ByteBuf buf = Unpooled.buffer();
        try {
            codec(type("User")).encode(buf, user);
            assertThat(ByteBufUtil.hexDump(buf)).isEqualTo(
                    "0100000000000000" // id: u64 1
                            + "0100000000000000" + "61" // name: length 1, "a"
                            + "00" // email: None
                            + "0100000000000000" + "00000000" // roles: count 1, Admin (u32 0)
                            + "0000000000000000"); // attributes: count 0
            assertThat(codec(type("User")).decode(buf)).isEqualTo(user);
            assertThat(buf.isReadable()).isFalse();
        } finally {
            buf.release();
        }
    }

    @Test
    void userCodec_roundTripsEveryFieldKeepingMapOrder() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("z", "last letter");
        attributes.put("a", "first letter");
        Object[] roles = type("Role").getEnumConstants();
        Object user = newRecord(type("User"), -1L, "Zoë", Optional.of("z@example.org"), List.of(roles[2], roles[1]),
                attributes);
        ByteBuf buf = Unpooled.buffer();
        try {
            codec(type("User")).encode(buf, user);
            Object back = codec(type("User")).decode(buf);
            assertThat(back).isEqualTo(user);
            @SuppressWarnings("unchecked")
            Map<String, String> decoded = (Map<String, String>) type("User").getMethod("attributes").invoke(back);
            assertThat(decoded.keySet()).containsExactly("z", "a");
        } finally {
            buf.release();
        }
    }

    @Test
    void userRecord_copiesCollectionsAndRejectsNulls() throws Exception {
        List<Object> roles = new ArrayList<>(List.of(admin()));
        Object user = newRecord(type("User"), 1L, "a", Optional.empty(), roles, Map.of());
        roles.clear();
        @SuppressWarnings("unchecked")
        List<Object> kept = (List<Object>) type("User").getMethod("roles").invoke(user);
        assertThat(kept).hasSize(1);
        assertThatThrownBy(() -> kept.add(admin())).isInstanceOf(UnsupportedOperationException.class);

        assertThatThrownBy(() -> newRecord(type("User"), 1L, null, Optional.empty(), List.of(), Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> newRecord(type("User"), 1L, "a", Optional.empty(), List.of(), withNull))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributes");
    }

    @Test
    void roleCodec_refusesAnUnknownIndex() throws Exception {
        ByteBuf buf = Unpooled.buffer().writeIntLE(3);
        try {
            assertThatThrownBy(() -> codec(type("Role")).decode(buf))
                    .hasMessageContaining("invalid variant index 3 for Role");
        } finally {
            buf.release();
        }
    }

    @Test
    void requestCodec_namesTheFieldOfAnOutOfRangeU8() throws Exception {
        Class<?> log = type("AppProtocol$LogRequest");
        Object request = newRecord(log, 300, "hello");
        ByteBuf buf = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> codec(log).encode(buf, request))
                    .isInstanceOf(EncodeException.class)
                    .hasMessageContaining("LogRequest.level")
                    .hasMessageContaining("300");
        } finally {
            buf.release();
        }
    }

    @Test
    void responseCodec_decodesAMissingTrailingOptionAsEmpty() throws Exception {
        Class<?> response = type("AppProtocol$GetUserResponse");
        ByteBuf empty = Unpooled.buffer();
        ByteBuf truncated = Unpooled.buffer().writeByte(1);
        try {
            assertThat(codec(response).decode(empty)).isEqualTo(newRecord(response, Optional.empty()));
            assertThatThrownBy(() -> codec(response).decode(truncated)).hasMessageContaining("unexpected end");
        } finally {
            empty.release();
            truncated.release();
        }
    }

    @Test
    void responseCodec_refusesABodyEndingBeforeAFieldThatIsNotAnOption() throws Exception {
        Class<?> stats = type("AdminProtocol$StatsResponse");
        ByteBuf buf = Unpooled.buffer().writeIntLE(7);
        try {
            assertThatThrownBy(() -> codec(stats).decode(buf)).hasMessageContaining("unexpected end");
        } finally {
            buf.release();
        }
    }

    @Test
    void descriptor_hasTheIdFingerprintAndMessagesOfTheProtocol() throws Exception {
        ProtocolDescriptor d = (ProtocolDescriptor) type("AppProtocol").getField("DESCRIPTOR").get(null);
        assertThat(d.name()).isEqualTo("app_protocol");
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.id()).isEqualTo(0x48287F96);
        assertThat(d.fingerprint()).isEqualTo(0x60185B5F51F4EABEL);
        assertThat(d.methods()).extracting(MethodDescriptor::name)
                .containsExactly("get_user", "list_users", "log", "ping");
        assertThat(d.methods()).extracting(MethodDescriptor::isOneWay).containsExactly(false, false, true, false);
        assertThat(d.id()).isEqualTo(ProtocolIds.protocolId("app_protocol", 1));
    }

    @Test
    void service_bindsEveryMessageToTheHandler() throws Exception {
        Class<?> handler = type("AppProtocol$Handler");
        List<String> called = new ArrayList<>();
        Object impl = Proxy.newProxyInstance(loader, new Class<?>[] {handler}, (proxy, method, args) -> {
            called.add(method.getName());
            return null;
        });
        Service service = (Service) type("AppProtocol").getMethod("service", handler).invoke(null, impl);
        assertThat(service.descriptor().methods()).hasSize(4);
        Object request = newRecord(type("AppProtocol$LogRequest"), 1, "x");
        invokeOneWay(service.binding(2), request);
        assertThat(called).containsExactly("log");
    }

    @SuppressWarnings("unchecked")
    private static void invokeOneWay(Service.MethodBinding<?, ?> binding, Object request) throws Exception {
        ((Service.OneWayHandler<Object>) binding.oneWay()).handle(request, null);
    }

    @Test
    void sender_callsThePeerWithTheRequestRecordAndOptions() throws Exception {
        List<Object[]> calls = new ArrayList<>();
        Peer peer = new Peer() {
            @Override
            public <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request,
                    CallOptions options) {
                calls.add(new Object[] {method, request, options});
                return new CompletableFuture<>();
            }

            @Override
            public <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request,
                    CallOptions options) {
                calls.add(new Object[] {method, request, options});
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public String describe() {
                return "test peer";
            }
        };
        Class<?> protocol = type("AppProtocol");
        Object sender = protocol.getMethod("sender", Peer.class).invoke(null, peer);
        Class<?> senderType = type("AppProtocol$Sender");
        senderType.getMethod("getUser", long.class).invoke(sender, 42L);
        CallOptions options = CallOptions.DEFAULT.withTimeout(java.time.Duration.ofMillis(5));
        Object withOptions = senderType.getMethod("withOptions", CallOptions.class).invoke(sender, options);
        senderType.getMethod("log", int.class, String.class).invoke(withOptions, 1, "hi");

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)[0]).isSameAs(protocol.getField("GET_USER").get(null));
        assertThat(calls.get(0)[1]).isEqualTo(newRecord(type("AppProtocol$GetUserRequest"), 42L));
        assertThat(calls.get(0)[2]).isSameAs(CallOptions.DEFAULT);
        assertThat(calls.get(1)[0]).isSameAs(protocol.getField("LOG").get(null));
        assertThat(calls.get(1)[2]).isSameAs(options);
    }

    @Test
    void handlerInterfaces_haveTheContractSignatures() throws Exception {
        Method getUser = type("AppProtocol$Handler").getMethod("getUser", type("AppProtocol$GetUserRequest"),
                CallContext.class);
        assertThat(getUser.getReturnType()).isEqualTo(type("AppProtocol$GetUserResponse"));
        assertThat(getUser.getExceptionTypes()).containsExactly(Exception.class);
        Method log = type("AppProtocol$AsyncHandler").getMethod("log", type("AppProtocol$LogRequest"),
                CallContext.class);
        assertThat(log.getReturnType()).isEqualTo(java.util.concurrent.CompletionStage.class);
    }
}
