package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.runtime.Bytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generated records as values: equality, hash codes, toString, immutability. */
class GeneratedValuesTest {

    private static final String ORDER = """
            {"id": 5, "customer": {"id": 1, "name": "Al", "email": null, "roles": ["Admin"]},
             "items": [{"sku": "S", "qty": 2, "unit_price": 0.5}], "total_cents": -3,
             "status": {"Cancelled": "late"}, "metadata": {"b": "2", "a": "1"}}""";

    private static VectorTypes types;

    @BeforeAll
    static void compile() {
        types = VectorTypes.get();
    }

    private static Object order() {
        return types.fromJson(Json.parse(ORDER), new NamedTypeRef("Order"));
    }

    @Test
    void recordsBuiltApart_areEqualWithEqualHashCodes() {
        assertThat(order()).isEqualTo(order()).hasSameHashCodeAs(order());
        assertThat(types.fromJsonStruct("OfVecU8", Bytes.of((byte) 1, (byte) 2)))
                .isEqualTo(types.fromJsonStruct("OfVecU8", Bytes.of((byte) 1, (byte) 2)))
                .isNotEqualTo(types.fromJsonStruct("OfVecU8", Bytes.of((byte) 1)));
    }

    @Test
    void toString_printsNestedRecordsListsMapsAndBytesReadably() {
        assertThat(order()).hasToString("Order[id=5, customer=User[id=1, name=Al, email=Optional.empty, roles=[Admin]],"
                + " items=[LineItem[sku=S, qty=2, unitPrice=0.5]], totalCents=-3, status=Cancelled[value=late],"
                + " metadata={b=2, a=1}]");
        assertThat(types.fromJsonStruct("OfVecU8", Bytes.of((byte) 0, (byte) 0xFF))).hasToString("OfVecU8[v=Bytes[00ff]]");
    }

    @Test
    void u64_printsSignedInToStringAsDocumented() {
        assertThat(types.fromJsonStruct("OfU64", -1L)).hasToString("OfU64[v=-1]");
    }

    @Test
    void collections_areCopiedAndImmutable() throws Exception {
        java.util.ArrayList<Object> list = new java.util.ArrayList<>(List.of(1, 2));
        Object value = types.fromJsonStruct("OfVecU16", list);
        list.add(3);
        @SuppressWarnings("unchecked")
        List<Object> held = (List<Object>) value.getClass().getMethod("v").invoke(value);

        assertThat(held).containsExactly(1, 2);
        assertThatThrownBy(() -> held.add(4)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) order().getClass().getMethod("metadata").invoke(order());
        assertThat(map.keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> map.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }
}
