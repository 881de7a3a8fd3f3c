package dev.ipcgen.runtime;

import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.Codecs;
import java.util.List;

/**
 * Hand-written equivalents of generated protocols, for runtime tests:
 * <pre>
 * protocol calc version 1 {
 *   add { a: i64, b: i64 } -> { sum: i64 }
 *   echo { text: String } -> { text: String }
 *   log { text: String }
 *   fail { text: String } -> { text: String }
 *   relay { text: String } -> { text: String }     // calls back the caller's callback.shout
 *   sleep { millis: u64 } -> { millis: u64 }
 *   relay_blocking { text: String } -> { text: String }   // the same, blocking on the call back
 * }
 * protocol callback version 1 { shout { text: String } -> { text: String } }
 * protocol other version 1 { twice { n: i64 } -> { n: i64 } }
 * protocol calc version 2 { add { a: i64, b: i64 } -> { sum: i64 } }
 * </pre>
 */
final class TestProtocols {

    private TestProtocols() {
    }

    /** The request of {@code add}. */
    record Add(long a, long b) {
    }

    static final Codec<Add> ADD_CODEC = Codecs.of((out, v) -> {
        Bincode.writeI64(out, v.a());
        Bincode.writeI64(out, v.b());
    }, in -> new Add(Bincode.readI64(in), Bincode.readI64(in)));

    static final MethodDescriptor<Add, Long> ADD = MethodDescriptor.unary("calc", 1, "add", 0, ADD_CODEC, Codecs.I64);
    static final MethodDescriptor<String, String> ECHO =
            MethodDescriptor.unary("calc", 1, "echo", 1, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, Void> LOG = MethodDescriptor.oneWay("calc", 1, "log", 2, Codecs.STRING);
    static final MethodDescriptor<String, String> FAIL =
            MethodDescriptor.unary("calc", 1, "fail", 3, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> RELAY =
            MethodDescriptor.unary("calc", 1, "relay", 4, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<Long, Long> SLEEP =
            MethodDescriptor.unary("calc", 1, "sleep", 5, Codecs.U64, Codecs.U64);
    static final MethodDescriptor<String, String> RELAY_BLOCKING =
            MethodDescriptor.unary("calc", 1, "relay_blocking", 6, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor CALC = ProtocolDescriptor.of("calc", 1, 0x1234_5678_9ABC_DEF0L,
            List.of(ADD, ECHO, LOG, FAIL, RELAY, SLEEP, RELAY_BLOCKING));

    static final MethodDescriptor<String, String> SHOUT =
            MethodDescriptor.unary("callback", 1, "shout", 0, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor CALLBACK = ProtocolDescriptor.of("callback", 1, 0, List.of(SHOUT));

    static final MethodDescriptor<Long, Long> TWICE = MethodDescriptor.unary("other", 1, "twice", 0, Codecs.I64, Codecs.I64);
    static final ProtocolDescriptor OTHER = ProtocolDescriptor.of("other", 1, 0, List.of(TWICE));

    static final MethodDescriptor<Add, Long> ADD_V2 = MethodDescriptor.unary("calc", 2, "add", 0, ADD_CODEC, Codecs.I64);
    static final ProtocolDescriptor CALC_V2 = ProtocolDescriptor.of("calc", 2, 0, List.of(ADD_V2));

    /** The calc service; {@code log} messages go to {@code logged}. */
    static Service calc(java.util.Queue<String> logged) {
        return Service.builder(CALC)
                .unary(ADD, (r, ctx) -> r.a() + r.b())
                .unary(ECHO, (r, ctx) -> r)
                .oneWay(LOG, (r, ctx) -> {
                    if (r.equals("boom")) {
                        throw new IllegalStateException("log handler failed on purpose");
                    }
                    logged.add(r);
                })
                .unary(FAIL, (r, ctx) -> {
                    throw new IllegalStateException(r);
                })
                .unaryAsync(RELAY, (r, ctx) -> ctx.peer().call(SHOUT, r, CallOptions.DEFAULT)
                        .thenApply(s -> "relayed " + s))
                .unary(SLEEP, (r, ctx) -> {
                    Thread.sleep(r);
                    return r;
                })
                .unary(RELAY_BLOCKING, (r, ctx) -> "relayed " + ctx.peer().call(SHOUT, r, CallOptions.DEFAULT)
                        .get(2, java.util.concurrent.TimeUnit.SECONDS))
                .build();
    }

    /** The callback service a client serves. */
    static Service callback() {
        return Service.builder(CALLBACK).unary(SHOUT, (r, ctx) -> r.toUpperCase(java.util.Locale.ROOT)).build();
    }

    /** The other service. */
    static Service other() {
        return Service.builder(OTHER).unary(TWICE, (r, ctx) -> 2 * r).build();
    }

    /** calc version 2. */
    static Service calcV2() {
        return Service.builder(CALC_V2).unary(ADD_V2, (r, ctx) -> r.a() + r.b() + 1000).build();
    }
}
