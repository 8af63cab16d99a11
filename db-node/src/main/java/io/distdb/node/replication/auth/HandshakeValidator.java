package io.distdb.node.replication.auth;

import io.distdb.node.replication.auth.HandshakeResult.Accepted;
import io.distdb.node.replication.auth.HandshakeResult.Rejected;
import io.distdb.node.replication.wire.Hello;
import io.distdb.node.replication.wire.RejectReason;
import io.distdb.node.replication.wire.StartMode;
import io.distdb.node.replication.wire.Welcome;
import java.util.Objects;

/**
 * The master's decision on a slave's {@link Hello}, as plain logic with no I/O. Checks run in this
 * order:
 *
 * <ol>
 *   <li>protocol version ({@code VERSION_MISMATCH}) — nothing else is comparable otherwise;
 *   <li>node id and incarnation syntax ({@code BAD_NODE_ID}) — so that nothing a stranger chose
 *       reaches a log line;
 *   <li>proof ({@code BAD_PROOF}) — before anything else, so an unauthenticated peer learns nothing
 *       about the cluster's ids, epochs or positions;
 *   <li>cluster id ({@code CLUSTER_MISMATCH}) and node id equal to the master's own ({@code
 *       DUPLICATE_NODE});
 *   <li>slave epoch above ours ({@code STALE_EPOCH}): the slave has followed a newer master, so
 *       this one is fenced and must not stream;
 *   <li>same epoch but the slave is durable past our last LSN ({@code LSN_FROM_FUTURE}): it holds
 *       entries we never wrote in this epoch, which streaming would silently keep.
 * </ol>
 *
 * An accepted slave gets {@code STREAM} if its next needed entry ({@code lastDurableLsn + 1}) is
 * still in our log, else {@code SNAPSHOT}. A slave from an <em>older</em> epoch that is ahead of
 * our log holds a tail written by a deposed master that never reached us; it cannot be streamed to
 * and gets a snapshot, which replaces its state.
 *
 * <p>Session-level reasons ({@code NOT_MASTER}, a second live session with the same node id) need
 * state this class does not have and are decided by the caller.
 */
public final class HandshakeValidator {

  private final HandshakeAuth auth;

  public HandshakeValidator(HandshakeAuth auth) {
    this.auth = Objects.requireNonNull(auth, "auth");
  }

  /**
   * @param serverNonce the nonce this master sent in its {@code Challenge} on this connection
   */
  public HandshakeResult validate(MasterState master, byte[] serverNonce, Hello hello) {
    if (hello.protocolVersion() != master.protocolVersion()) {
      return new Rejected(
          RejectReason.VERSION_MISMATCH,
          "master speaks protocol version "
              + master.protocolVersion()
              + ", slave sent "
              + hello.protocolVersion());
    }
    if (!PeerIdentity.isValidNodeId(hello.nodeId())
        || !PeerIdentity.isValidIncarnation(hello.incarnation())) {
      return new Rejected(
          RejectReason.BAD_NODE_ID,
          "node ids are at most "
              + PeerIdentity.MAX_NODE_ID_LENGTH
              + " of [a-z0-9.-], incarnations at most 64 of [A-Za-z0-9-]");
    }
    if (!auth.verifySlaveProof(hello, serverNonce)) {
      return new Rejected(RejectReason.BAD_PROOF, "authentication failed");
    }
    if (!hello.clusterId().equals(master.clusterId())) {
      return new Rejected(
          RejectReason.CLUSTER_MISMATCH,
          "this master serves cluster '"
              + master.clusterId()
              + "', slave belongs to '"
              + hello.clusterId()
              + "'");
    }
    if (hello.nodeId().equals(master.masterNodeId())) {
      return new Rejected(
          RejectReason.DUPLICATE_NODE, "node id '" + hello.nodeId() + "' is the master's own");
    }
    if (hello.epoch() > master.epoch()) {
      return new Rejected(
          RejectReason.STALE_EPOCH,
          "slave has seen epoch " + hello.epoch() + ", this master is at " + master.epoch());
    }
    boolean aheadOfLog = hello.lastDurableLsn() > master.lastLsn();
    if (aheadOfLog && hello.epoch() == master.epoch()) {
      return new Rejected(
          RejectReason.LSN_FROM_FUTURE,
          "slave durable at LSN "
              + hello.lastDurableLsn()
              + ", master's log ends at "
              + master.lastLsn()
              + " in epoch "
              + master.epoch());
    }
    boolean inLog = !aheadOfLog && hello.lastDurableLsn() >= master.firstRetainedLsn() - 1;
    StartMode mode = inLog ? StartMode.STREAM : StartMode.SNAPSHOT;
    byte[] proof =
        auth.masterProof(
            hello.clientNonce(),
            serverNonce,
            master.clusterId(),
            master.masterNodeId(),
            master.epoch());
    return new Accepted(
        new Welcome(master.masterNodeId(), master.epoch(), master.lastLsn(), mode, proof));
  }
}
