package io.distdb.node.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SyncCommitGateTest {

  /** The one slave's durable LSN, as the primary would report it. */
  private final AtomicLong slaveDurable = new AtomicLong();

  private SyncCommitGate gate(Duration ackTimeout, boolean degrade) {
    ReplicationSettings settings =
        new ReplicationSettings(
            "c", "m", 1, new byte[32], true, false, 1, ackTimeout, degrade, 1 << 20);
    return new SyncCommitGate(
        settings, lsn -> slaveDurable.get() >= lsn ? 1 : 0, ignored -> slaveDurable.get());
  }

  private static CompletableFuture<Void> commitAsync(SyncCommitGate gate, long lsn) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            gate.awaitCommitted(lsn);
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        });
  }

  @Test
  void anAckReleasesExactlyTheCommitsItCovers() throws Exception {
    SyncCommitGate gate = gate(Duration.ofSeconds(30), false);
    CompletableFuture<Void> three = commitAsync(gate, 3);
    CompletableFuture<Void> five = commitAsync(gate, 5);
    Thread.sleep(100); // both are waiting now (a commit that has not started would not wait)
    assertThat(three).isNotDone();

    slaveDurable.set(4);
    gate.acknowledged();
    three.get(10, TimeUnit.SECONDS);
    Thread.sleep(100);
    assertThat(five).isNotDone();

    slaveDurable.set(5);
    gate.acknowledged();
    five.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aCommitAlreadyAcknowledgedDoesNotWait() throws Exception {
    SyncCommitGate gate = gate(Duration.ofSeconds(30), false);
    slaveDurable.set(7);
    commitAsync(gate, 7).get(1, TimeUnit.SECONDS);
  }

  @Test
  void withoutAcksTheCommitFailsAfterTheTimeout() {
    SyncCommitGate gate = gate(Duration.ofMillis(200), false);
    assertThatThrownBy(() -> gate.awaitCommitted(1))
        .isInstanceOf(CommitNotConfirmedException.class)
        .hasMessageContaining("confirmed by 0 of the 1");
    assertThat(gate.timeouts()).isEqualTo(1);
  }

  @Test
  void degradeModeLetsTheCommitThroughAndRecoversOnAnAck() throws Exception {
    SyncCommitGate gate = gate(Duration.ofMillis(200), true);
    gate.awaitCommitted(1);
    assertThat(gate.degraded()).isTrue();
    slaveDurable.set(1);
    gate.acknowledged();
    assertThat(gate.degraded()).isFalse();
  }
}
