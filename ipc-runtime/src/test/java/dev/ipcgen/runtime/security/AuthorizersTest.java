package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizersTest {

    private static final SocketAddress UNIX = UnixDomainSocketAddress.of("/tmp/app.sock");
    private static final SocketAddress TCP = new InetSocketAddress("127.0.0.1", 4000);
    private static final long SELF_UID = PeerCredentials.ofThisProcess().uid().getAsLong();

    private static AuthorizationRequest unix(long uid, long gid) {
        return AuthorizationRequest.of(PeerCredentials.of(uid, gid, 4242), UNIX);
    }

    private static AuthorizationRequest tcp() {
        return AuthorizationRequest.of(PeerCredentials.unknown(), TCP);
    }

    @Test
    void allowAll_allowsEvenUnknownPeers() {
        assertThat(Authorizers.allowAll().decide(tcp())).isEqualTo(AuthorizationDecision.allow());
    }

    @Test
    void sameUser_allowsOwnUid_deniesOthersSayingBothUids() {
        Authorizer rule = Authorizers.sameUser();
        assertThat(rule.decide(unix(SELF_UID, 5)).allowed()).isTrue();
        AuthorizationDecision other = rule.decide(unix(SELF_UID + 1, 5));
        assertThat(other.allowed()).isFalse();
        assertThat(other.reason()).isEqualTo("peer uid " + (SELF_UID + 1) + " is not this server's uid " + SELF_UID);
    }

    @Test
    void uidIn_allowsListedUids() {
        Authorizer rule = Authorizers.uidIn(Set.of(1000L, 1001L));
        assertThat(rule.decide(unix(1001, 7)).allowed()).isTrue();
        assertThat(rule.decide(unix(1002, 7))).isEqualTo(AuthorizationDecision.deny("peer uid 1002 is not allowed"));
    }

    @Test
    void gidIn_allowsListedGids() {
        Authorizer rule = Authorizers.gidIn(Set.of(50L));
        assertThat(rule.decide(unix(1000, 50)).allowed()).isTrue();
        assertThat(rule.decide(unix(1000, 51))).isEqualTo(AuthorizationDecision.deny("peer gid 51 is not allowed"));
    }

    @Test
    void idRules_denyUnknownCredentials_sayingTheTransportCannotTell() {
        for (Authorizer rule : new Authorizer[] {Authorizers.sameUser(), Authorizers.uidIn(Set.of(0L))}) {
            assertThat(rule.decide(tcp()).reason()).isEqualTo("the peer's uid is unknown: its transport "
                    + "(tcp:127.0.0.1:4000) cannot tell who the peer is; use a Unix socket, or TLS client certificates");
        }
        assertThat(Authorizers.gidIn(Set.of(0L)).decide(tcp()).reason())
                .startsWith("the peer's gid is unknown: its transport (tcp:127.0.0.1:4000) cannot tell");
    }

    @Test
    void gidIn_knownUidUnknownGid_isDenied() {
        AuthorizationRequest request = AuthorizationRequest.of(PeerCredentials.of(1000, -1, -1), UNIX);
        assertThat(Authorizers.gidIn(Set.of(0L)).decide(request).allowed()).isFalse();
    }

    @Test
    void and_needsBoth_andReportsTheFirstDenial() {
        Authorizer rule = Authorizers.uidIn(Set.of(1000L)).and(Authorizers.gidIn(Set.of(50L)));
        assertThat(rule.decide(unix(1000, 50)).allowed()).isTrue();
        assertThat(rule.decide(unix(1000, 51)).reason()).isEqualTo("peer gid 51 is not allowed");
        assertThat(rule.decide(unix(999, 51)).reason()).isEqualTo("peer uid 999 is not allowed");
    }

    @Test
    void and_doesNotAskTheSecondAfterADenial() {
        Authorizer explodes = request -> {
            throw new AssertionError("asked");
        };
        assertThat(Authorizers.uidIn(Set.of(1L)).and(explodes).decide(unix(2, 2)).allowed()).isFalse();
    }

    @Test
    void or_needsEither_andReportsBothDenials() {
        Authorizer rule = Authorizers.uidIn(Set.of(1000L)).or(Authorizers.gidIn(Set.of(50L)));
        assertThat(rule.decide(unix(1000, 1)).allowed()).isTrue();
        assertThat(rule.decide(unix(1, 50)).allowed()).isTrue();
        assertThat(rule.decide(unix(1, 1)).reason())
                .isEqualTo("peer uid 1 is not allowed; and peer gid 1 is not allowed");
    }

    @Test
    void idRules_rejectEmptySets() {
        assertThatThrownBy(() -> Authorizers.uidIn(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uidIn needs at least one value (an empty set would deny everyone)");
        assertThatThrownBy(() -> Authorizers.gidIn(Set.of()))
                .hasMessage("gidIn needs at least one value (an empty set would deny everyone)");
    }

    @Test
    void tlsSubjectIn_deniesPeerWithoutCertificate() {
        AuthorizationDecision decision = Authorizers.tlsSubjectIn(Set.of("CN=client,O=ipcgen")).decide(tcp());
        assertThat(decision.reason()).isEqualTo("the peer presented no TLS client certificate, and one is required");
    }

    @Test
    void tlsSubjectIn_rejectsMalformedName() {
        assertThatThrownBy(() -> Authorizers.tlsSubjectIn(Set.of("not a name")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'not a name' is not an X.500 name such as CN=client,O=ipcgen");
    }

    @Test
    void decide_turnsAnExceptionOrNullIntoADenial() {
        Authorizer broken = request -> {
            throw new IllegalStateException("config not loaded");
        };
        assertThat(Authorizers.decide(broken, tcp()).reason())
                .isEqualTo("the authorizer failed: java.lang.IllegalStateException: config not loaded");
        assertThat(Authorizers.decide(request -> null, tcp()).reason())
                .isEqualTo("the authorizer failed: java.lang.NullPointerException: the authorizer returned null");
        assertThat(Authorizers.decide(Authorizers.allowAll(), tcp()).allowed()).isTrue();
    }

    @Test
    void decision_denyNeedsAReason() {
        assertThatThrownBy(() -> AuthorizationDecision.deny(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a denial needs a reason");
        assertThat(AuthorizationDecision.deny("no")).hasToString("deny: no");
        assertThat(AuthorizationDecision.allow()).hasToString("allow");
    }

    @Test
    void request_describesThePeer() {
        assertThat(unix(1000, 1000).describePeer()).isEqualTo("uid=1000 gid=1000 pid=4242 at /tmp/app.sock");
        assertThat(tcp().tlsSubject()).isEmpty();
    }
}
