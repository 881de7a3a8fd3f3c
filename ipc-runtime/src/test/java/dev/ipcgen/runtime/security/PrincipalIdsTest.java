package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.Test;

class PrincipalIdsTest {

    private final UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();

    @Test
    void uidOf_principalWithoutPasswdEntry_isItsNumber() throws Exception {
        assertThat(PrincipalIds.uidOf(lookup.lookupPrincipalByName("43210"))).isEqualTo(43210);
    }

    @Test
    void gidOf_principalWithoutGroupEntry_isItsNumber() throws Exception {
        assertThat(PrincipalIds.gidOf(lookup.lookupPrincipalByGroupName("43211"))).isEqualTo(43211);
    }

    @Test
    void uidOf_namedUser_isItsUid() throws Exception {
        assertThat(PrincipalIds.uidOf(lookup.lookupPrincipalByName("root"))).isZero();
    }

    @Test
    void uidOf_foreignPrincipal_isUnknown() {
        assertThat(PrincipalIds.uidOf(() -> "someone")).isEqualTo(-1);
    }
}
