package dev.ipcgen.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

    private final JavaNames names = new JavaNames(List.of("com.example.app", "dev.ipcgen.examples"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "app_protocol, AppProtocol",
        "AppProtocol, AppProtocol",
        "x, X",
        "a__b_, AB",
        "_1_proto, _1Proto",
        "handler, Handler_",
        "sender, Sender_",
        "com, Com"})
    void protocolClassName_isPascalCaseAvoidingGeneratedTypes(String idl, String java) {
        assertThat(names.protocolClassName(idl)).isEqualTo(java);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "get_user, getUser",
        "userId, userId",
        "id, id",
        "class, class_",
        "true, true_",
        "hash_code, hashCode_",
        "wait, wait_",
        "get_class, getClass_",
        "yield, yield_",
        "java, java_",
        "dev, dev_",
        "com, com_",
        "io, io",
        "_1x, _1x"})
    void fieldName_isCamelCaseAvoidingKeywordsObjectMethodsAndPackageRoots(String idl, String java) {
        assertThat(names.fieldName(idl)).isEqualTo(java);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "get_user, getUser",
        "with_options, withOptions_",
        "to_string, toString_",
        "equals, equals_",
        "switch, switch_",
        "java, java"})
    void methodName_avoidsObjectMethodsAndWithOptions(String idl, String java) {
        assertThat(names.methodName(idl)).isEqualTo(java);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "User, User",
        "List, List",
        "record, record_",
        "var, var_",
        "permits, permits_",
        "io, io_",
        "javax, javax_"})
    void typeName_isKeptUnlessJavaRefusesIt(String idl, String java) {
        assertThat(names.typeName(idl)).isEqualTo(java);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Admin, Admin",
        "CODEC, CODEC_",
        "DESCRIPTOR, DESCRIPTOR_",
        "null, null_"})
    void enumConstantName_avoidsTheGeneratedCodec(String idl, String java) {
        assertThat(names.enumConstantName(idl)).isEqualTo(java);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "get_user, GET_USER",
        "ping, PING",
        "descriptor, DESCRIPTOR_",
        "getUser2, GET_USER2"})
    void methodConstantName_isUpperSnakeCase(String idl, String java) {
        assertThat(names.methodConstantName(idl)).isEqualTo(java);
    }

    @Test
    void recordNames_neverEqualTheEnclosingClass() {
        assertThat(names.requestRecordName("get_user", "AppProtocol")).isEqualTo("GetUserRequest");
        assertThat(names.responseRecordName("get_user", "AppProtocol")).isEqualTo("GetUserResponse");
        assertThat(names.requestRecordName("foo", "FooRequest")).isEqualTo("FooRequest_");
    }

    @Test
    void packageName_escapesKeywordSegments() {
        assertThat(JavaNames.packageName("com.int.default.app")).isEqualTo("com.int_.default_.app");
    }

    @Test
    void tupleComponents_areValueOrNumbered() {
        assertThat(JavaNames.tupleComponentName(0, 1)).isEqualTo("value");
        assertThat(JavaNames.tupleComponentName(1, 2)).isEqualTo("value1");
    }
}
