package dev.ipcgen.idl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checker's Java names are the generator's (ipc-codegen-cli JavaNames); the same examples. */
class JavaNameRulesTest {

    private final JavaNameRules names = new JavaNameRules(List.of("com.example.api", "org.demo"));

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource({
        "get_user, GetUser, getUser",
        "app_protocol, AppProtocol, appProtocol",
        "userId, UserId, userId",
        "user_, User, user",
        "_user, User, user",
        "a__b, AB, aB",
        "1st, _1st, _1st",
        "HTTP_code, HTTPCode, hTTPCode",
    })
    void pascalAndCamel_splitOnUnderscoresAndCapitalise(String idl, String pascal, String camel) {
        assertThat(JavaNameRules.pascal(idl)).isEqualTo(pascal);
        assertThat(JavaNameRules.camel(idl)).isEqualTo(camel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "class, class_, class_, class_, class_",
        "hash_code, hashCode_, hashCode_, hash_code, hash_code",
        "with_options, withOptions, withOptions_, with_options, with_options",
        "com, com_, com, com_, com_",
        "record, record_, record_, record_, record_",
        "CODEC, cODEC, cODEC, CODEC, CODEC_",
        "io, io, io, io_, io",
    })
    void escapes_likeTheGenerator(String idl, String field, String method, String type, String constant) {
        assertThat(names.fieldName(idl)).isEqualTo(field);
        assertThat(names.methodName(idl)).isEqualTo(method);
        assertThat(names.typeName(idl)).isEqualTo(type);
        assertThat(names.enumConstantName(idl)).isEqualTo(constant);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"app_protocol, AppProtocol", "handler, Handler_", "sender_impl, SenderImpl_", "org, Org", "java, Java"})
    void protocolClassName_isPascalCaseEscaped(String idl, String java) {
        assertThat(names.protocolClassName(idl)).isEqualTo(java);
    }
}
