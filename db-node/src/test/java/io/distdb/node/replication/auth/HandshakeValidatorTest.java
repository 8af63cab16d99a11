package io.distdb.node.replication.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.replication.auth.HandshakeResult.Accepted;
import io.distdb.node.replication.auth.HandshakeResult.Rejected;
import io.distdb.node.replication.wire.Hello;
import io.distdb.node.replication.wire.RejectReason;
import io.distdb.node.replication.wire.StartMode;
import org.junit.jupiter.api.Test;

class HandshakeValidatorTest {

  static final int VERSION = 1;

  private final HandshakeAuth auth = new HandshakeAuth(HandshakeAuthTest.SECRET);
  private final HandshakeValidator validator = new HandshakeValidator(auth);
  private final byte[] serverNonce = auth.newNonce();
  private final byte[] clientNonce = auth.newNonce();

  /** Master m1 of cluster c1 at epoch 5, log holds LSNs 50..100. */
  private final MasterState master = new MasterState(VERSION, "c1", "m1", 5, 100, 50);

  private Hello hello(int version, String cluster, String node, long epoch, long lsn) {
    byte[] proof = auth.slaveProof(serverNonce, clientNonce, cluster, node, epoch, lsn);
    return new Hello(version, cluster, node, epoch, lsn, "10.0.0.9:7000", clientNonce, proof);
  }

  private HandshakeResult validate(Hello h) {
    return validator.validate(master, serverNonce, h);
  }

  @Test
  void upToDateSlaveStreamsAndCanVerifyTheMaster() {
    HandshakeResult r = validate(hello(VERSION, "c1", "s1", 5, 100));
    assertThat(r).isInstanceOf(Accepted.class);
    Accepted a = (Accepted) r;
    assertThat(a.mode()).isEqualTo(StartMode.STREAM);
    assertThat(a.welcome().epoch()).isEqualTo(5);
    assertThat(a.welcome().masterLastLsn()).isEqualTo(100);
    assertThat(a.welcome().masterNodeId()).isEqualTo("m1");
    assertThat(auth.verifyMasterProof(a.welcome(), clientNonce, serverNonce, "c1")).isTrue();
  }

  @Test
  void streamIffTheNextNeededEntryIsStillInTheLog() {
    assertThat(mode(hello(VERSION, "c1", "s1", 5, 49))).isEqualTo(StartMode.STREAM);
    assertThat(mode(hello(VERSION, "c1", "s1", 5, 48))).isEqualTo(StartMode.SNAPSHOT);
    assertThat(mode(hello(VERSION, "c1", "s1", 4, 0))).isEqualTo(StartMode.SNAPSHOT);
  }

  @Test
  void slaveFromOlderEpochAheadOfOurLogGetsASnapshot() {
    assertThat(mode(hello(VERSION, "c1", "s1", 4, 120))).isEqualTo(StartMode.SNAPSHOT);
  }

  @Test
  void emptyLogAfterSnapshotStreamsOnlyToCaughtUpSlaves() {
    MasterState fresh = new MasterState(VERSION, "c1", "m1", 5, 100, 101);
    assertThat(
            ((Accepted) validator.validate(fresh, serverNonce, hello(VERSION, "c1", "s1", 5, 100)))
                .mode())
        .isEqualTo(StartMode.STREAM);
    assertThat(
            ((Accepted) validator.validate(fresh, serverNonce, hello(VERSION, "c1", "s1", 5, 99)))
                .mode())
        .isEqualTo(StartMode.SNAPSHOT);
  }

  @Test
  void versionMismatch() {
    assertRejected(hello(VERSION + 1, "c1", "s1", 5, 100), RejectReason.VERSION_MISMATCH);
  }

  @Test
  void badProof() {
    Hello good = hello(VERSION, "c1", "s1", 5, 100);
    byte[] forged = good.proof().clone();
    forged[0] ^= 1;
    Hello bad = new Hello(VERSION, "c1", "s1", 5, 100, "", clientNonce, forged);
    assertRejected(bad, RejectReason.BAD_PROOF);
    // Proof is checked before the cluster id, so a stranger learns nothing about the cluster.
    Hello strangerWrongCluster = new Hello(VERSION, "c9", "s1", 5, 100, "", clientNonce, forged);
    assertRejected(strangerWrongCluster, RejectReason.BAD_PROOF);
  }

  @Test
  void clusterMismatch() {
    assertRejected(hello(VERSION, "c2", "s1", 5, 100), RejectReason.CLUSTER_MISMATCH);
  }

  @Test
  void slaveUsingTheMastersNodeId() {
    assertRejected(hello(VERSION, "c1", "m1", 5, 100), RejectReason.DUPLICATE_NODE);
  }

  @Test
  void slaveHasSeenAHigherEpochSoThisMasterIsStale() {
    assertRejected(hello(VERSION, "c1", "s1", 6, 10), RejectReason.STALE_EPOCH);
  }

  @Test
  void slaveAheadOfTheMasterInTheSameEpoch() {
    assertRejected(hello(VERSION, "c1", "s1", 5, 101), RejectReason.LSN_FROM_FUTURE);
  }

  @Test
  void rejectionBecomesAWireMessage() {
    Rejected r = (Rejected) validate(hello(VERSION, "c2", "s1", 5, 100));
    assertThat(r.toMessage().reason()).isEqualTo(RejectReason.CLUSTER_MISMATCH);
    assertThat(r.toMessage().message()).isEqualTo(r.message());
  }

  private StartMode mode(Hello h) {
    HandshakeResult r = validate(h);
    assertThat(r).isInstanceOf(Accepted.class);
    return ((Accepted) r).mode();
  }

  private void assertRejected(Hello h, RejectReason reason) {
    HandshakeResult r = validate(h);
    assertThat(r)
        .isInstanceOfSatisfying(Rejected.class, rej -> assertThat(rej.reason()).isEqualTo(reason));
  }
}
