package dev.ipcgen.idl.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.testing.IpcFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    @Test
    void fnv1a_matchesReferenceValues() {
        // Reference values of the FNV specification (draft-eastlake-fnv): "" and "a".
        assertThat(Fnv1a.hash32("")).isEqualTo(0x811C9DC5);
        assertThat(Fnv1a.hash32("a")).isEqualTo(0xE40C292C);
        assertThat(Fnv1a.hash64("")).isEqualTo(0xCBF29CE484222325L);
        assertThat(Fnv1a.hash64("a")).isEqualTo(0xAF63DC4C8601EC8CL);
    }

    @Test
    void protocolId_ofAppProtocolIsTheWireFormatExample() {
        assertThat(Fnv1a.protocolId("app_protocol", 1)).isEqualTo(0x48287F96);
    }

    @Test
    void fingerprint_ofTheWireFormatExample_writesVecU8AsBytes() {
        IpcFiles files = new IpcFiles(dir);
        files.write("p.ipc", "package x; protocol p version 1 { get { id: u64 } -> { r: Option<R> } }\n"
                + "struct R { x: Vec<u8> }\n");
        LoadResult result = files.load("p.ipc");

        ProtocolType p = result.schema().orElseThrow().protocols().get(0);
        assertThat(p.canonicalText()).isEqualTo("protocol p@1{get{id:u64}->{r:Option<R>}}\nstruct R{x:Bytes}\n");
        assertThat(p.fingerprint()).isEqualTo(0xB3B3913F2B143602L);
        assertThat(result.schema().orElseThrow().type("R")).isInstanceOfSatisfying(StructType.class,
                r -> assertThat(r.fields().get(0).type()).isEqualTo(new BuiltinType(Builtin.BYTES)));
    }

    @Test
    void canonicalText_listsTypesReachedTransitivelyOnceSortedByName() {
        IpcFiles files = new IpcFiles(dir);
        files.write("p.ipc", """
                package x;
                protocol p version 7 { put { a: Vec<Zed> }, tell { m: HashMap<Key, Option<Alpha>> }; }
                struct Zed { inner: Alpha, more: Mid, again: Alpha }
                enum Mid { Empty, Pair(u8, Alpha,), Named { z: Option<Zed> } }
                struct Alpha { c: char, b: Bytes }
                enum Key { One, Two }
                struct Unused { x: u8 }
                """);
        ProtocolType p = files.load("p.ipc").schema().orElseThrow().protocols().get(0);

        assertThat(p.canonicalText()).isEqualTo("""
                protocol p@7{put{a:Vec<Zed>};tell{m:HashMap<Key,Option<Alpha>>}}
                struct Alpha{c:char,b:Bytes}
                enum Key{One,Two}
                enum Mid{Empty,Pair(u8,Alpha),Named{z:Option<Zed>}}
                struct Zed{inner:Alpha,more:Mid,again:Alpha}
                """);
        assertThat(p.fingerprint()).isEqualTo(Fnv1a.hash64(p.canonicalText()));
        assertThat(p.id()).isEqualTo(Fnv1a.hash32("p@7"));
    }

    @Test
    void protocolIds_thatCollideAreAnErrorNamingBoth() {
        assertThat(Fnv1a.protocolId("proto_317878", 1)).isEqualTo(0x9288CBB9);
        assertThat(Fnv1a.protocolId("proto_2239484", 1)).isEqualTo(0x9288CBB9);
        IpcFiles files = new IpcFiles(dir);
        files.write("a.ipc", "package x;\nprotocol proto_317878 version 1 { m }\n");
        files.write("b.ipc", "package y;\nprotocol proto_2239484 version 1 { m }\n");

        LoadResult result = files.load("a.ipc", "b.ipc");

        assertThat(result.schema()).isEmpty();
        assertThat(files.headlines(result)).containsExactly("b.ipc:2:10: error: protocol id 0x9288CBB9 of "
                + "'proto_2239484@1' collides with 'proto_317878@1' at a.ipc:2:10: rename one of them");
    }

    @Test
    void protocolVersions_ofOneNameMayLiveInOneSet() {
        IpcFiles files = new IpcFiles(dir);
        files.write("a.ipc", "package v1; protocol api version 1 { m }\n");
        files.write("b.ipc", "package v2; protocol api version 2 { m n }\n");

        LoadResult result = files.load("a.ipc", "b.ipc");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().orElseThrow().protocols()).extracting(ProtocolType::key)
                .containsExactly("api@1", "api@2");
    }
}
