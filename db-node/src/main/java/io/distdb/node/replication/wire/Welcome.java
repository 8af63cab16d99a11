package io.distdb.node.replication.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Master → slave: the handshake succeeded. The proof lets the slave authenticate the master in
 * turn, so a rogue node cannot feed a slave forged entries.
 */
public record Welcome(
    String masterNodeId, long epoch, long masterLastLsn, StartMode mode, byte[] proof)
    implements ReplicationMessage {

  public Welcome {
    Objects.requireNonNull(masterNodeId, "masterNodeId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(proof, "proof");
  }

  @Override
  public MessageType type() {
    return MessageType.WELCOME;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Welcome w
        && masterNodeId.equals(w.masterNodeId)
        && epoch == w.epoch
        && masterLastLsn == w.masterLastLsn
        && mode == w.mode
        && Arrays.equals(proof, w.proof);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(masterNodeId, epoch, masterLastLsn, mode) + Arrays.hashCode(proof);
  }

  @Override
  public String toString() {
    return "Welcome[masterNodeId="
        + masterNodeId
        + ", epoch="
        + epoch
        + ", masterLastLsn="
        + masterLastLsn
        + ", mode="
        + mode
        + ", proof="
        + Bytes.describe(proof)
        + "]";
  }
}
