package io.distdb.node.replication.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.replication.wire.Hello;
import io.distdb.node.replication.wire.StartMode;
import io.distdb.node.replication.wire.Welcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeAuthTest {

  static final byte[] SECRET = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

  private final HandshakeAuth auth = new HandshakeAuth(SECRET);
  private final byte[] serverNonce = auth.newNonce();
  private final byte[] clientNonce = auth.newNonce();

  private Hello hello(HandshakeAuth signer, byte[] signedServerNonce) {
    byte[] proof = signer.slaveProof(signedServerNonce, clientNonce, "c1", "n1", 4, 100);
    return new Hello(1, "c1", "n1", 4, 100, "", clientNonce, proof);
  }

  @Test
  void noncesAreFreshAndThirtyTwoBytes() {
    assertThat(serverNonce).hasSize(32);
    assertThat(serverNonce).isNotEqualTo(clientNonce);
  }

  @Test
  void correctSlaveProofIsAccepted() {
    assertThat(auth.verifySlaveProof(hello(auth, serverNonce), serverNonce)).isTrue();
  }

  @Test
  void slaveProofWithWrongSecretIsRejected() {
    HandshakeAuth other = HandshakeAuth.fromText("some other secret, also long enough");
    assertThat(auth.verifySlaveProof(hello(other, serverNonce), serverNonce)).isFalse();
  }

  @Test
  void slaveProofForAnotherChallengeIsRejected() {
    // A Hello captured from an earlier connection must not work against a new challenge.
    Hello replayed = hello(auth, auth.newNonce());
    assertThat(auth.verifySlaveProof(replayed, serverNonce)).isFalse();
  }

  @Test
  void slaveProofIsBoundToEveryField() {
    Hello h = hello(auth, serverNonce);
    assertThat(auth.verifySlaveProof(withNode(h, "n2"), serverNonce)).isFalse();
    assertThat(auth.verifySlaveProof(withEpoch(h, 5), serverNonce)).isFalse();
    assertThat(auth.verifySlaveProof(withLsn(h, 101), serverNonce)).isFalse();
    assertThat(auth.verifySlaveProof(withCluster(h, "c2"), serverNonce)).isFalse();
    assertThat(auth.verifySlaveProof(withClientNonce(h, auth.newNonce()), serverNonce)).isFalse();
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    // ("c1", "n1") and ("c1n", "1") concatenate identically; length prefixes keep them apart.
    byte[] p1 = auth.slaveProof(serverNonce, clientNonce, "c1", "n1", 1, 1);
    byte[] p2 = auth.slaveProof(serverNonce, clientNonce, "c1n", "1", 1, 1);
    assertThat(p1).isNotEqualTo(p2);
  }

  @Test
  void malformedNoncesFailVerificationAndCannotBeSigned() {
    Hello h = hello(auth, serverNonce);
    assertThat(auth.verifySlaveProof(h, new byte[0])).isFalse();
    assertThat(auth.verifySlaveProof(withClientNonce(h, new byte[31]), serverNonce)).isFalse();
    assertThatThrownBy(() -> auth.slaveProof(new byte[16], clientNonce, "c", "n", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void masterProofIsVerifiedBySlave() {
    byte[] proof = auth.masterProof(clientNonce, serverNonce, "c1", "m1", 4);
    Welcome w = new Welcome("m1", 4, 100, StartMode.STREAM, proof);
    assertThat(auth.verifyMasterProof(w, clientNonce, serverNonce, "c1")).isTrue();

    assertThat(auth.verifyMasterProof(w, auth.newNonce(), serverNonce, "c1")).isFalse();
    assertThat(auth.verifyMasterProof(w, clientNonce, serverNonce, "c2")).isFalse();
    assertThat(
            auth.verifyMasterProof(
                new Welcome("m2", 4, 100, StartMode.STREAM, proof), clientNonce, serverNonce, "c1"))
        .isFalse();
    assertThat(
            auth.verifyMasterProof(
                new Welcome("m1", 5, 100, StartMode.STREAM, proof), clientNonce, serverNonce, "c1"))
        .isFalse();
    HandshakeAuth other = HandshakeAuth.fromText("some other secret, also long enough");
    assertThat(other.verifyMasterProof(w, clientNonce, serverNonce, "c1")).isFalse();
  }

  @Test
  void slaveProofCannotBeReflectedAsMasterProof() {
    byte[] slave = auth.slaveProof(serverNonce, clientNonce, "c1", "n1", 4, 100);
    Welcome reflected = new Welcome("n1", 4, 100, StartMode.STREAM, slave);
    assertThat(auth.verifyMasterProof(reflected, clientNonce, serverNonce, "c1")).isFalse();
  }

  @Test
  void shortSecretsAreRefused() {
    assertThatThrownBy(() -> HandshakeAuth.fromText("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
  }

  private static Hello withNode(Hello h, String nodeId) {
    return new Hello(
        h.protocolVersion(),
        h.clusterId(),
        nodeId,
        h.epoch(),
        h.lastDurableLsn(),
        h.advertisedAddress(),
        h.clientNonce(),
        h.proof());
  }

  private static Hello withCluster(Hello h, String clusterId) {
    return new Hello(
        h.protocolVersion(),
        clusterId,
        h.nodeId(),
        h.epoch(),
        h.lastDurableLsn(),
        h.advertisedAddress(),
        h.clientNonce(),
        h.proof());
  }

  private static Hello withEpoch(Hello h, long epoch) {
    return new Hello(
        h.protocolVersion(),
        h.clusterId(),
        h.nodeId(),
        epoch,
        h.lastDurableLsn(),
        h.advertisedAddress(),
        h.clientNonce(),
        h.proof());
  }

  private static Hello withLsn(Hello h, long lsn) {
    return new Hello(
        h.protocolVersion(),
        h.clusterId(),
        h.nodeId(),
        h.epoch(),
        lsn,
        h.advertisedAddress(),
        h.clientNonce(),
        h.proof());
  }

  private static Hello withClientNonce(Hello h, byte[] nonce) {
    return new Hello(
        h.protocolVersion(),
        h.clusterId(),
        h.nodeId(),
        h.epoch(),
        h.lastDurableLsn(),
        h.advertisedAddress(),
        nonce,
        h.proof());
  }
}
