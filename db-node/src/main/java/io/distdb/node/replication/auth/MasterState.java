package io.distdb.node.replication.auth;

import java.util.Objects;

/**
 * What the master knows about itself when a slave says {@code Hello}.
 *
 * @param firstRetainedLsn LSN of the oldest entry still in the master's log; a slave whose durable
 *     position is before {@code firstRetainedLsn - 1} cannot be streamed to. With an empty log
 *     (e.g. just after a snapshot install) this is {@code lastLsn + 1}.
 */
public record MasterState(
    int protocolVersion,
    String clusterId,
    String masterNodeId,
    long epoch,
    long lastLsn,
    long firstRetainedLsn) {

  public MasterState {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(masterNodeId, "masterNodeId");
    if (firstRetainedLsn > lastLsn + 1) {
      throw new IllegalArgumentException(
          "firstRetainedLsn " + firstRetainedLsn + " beyond lastLsn + 1 = " + (lastLsn + 1));
    }
  }
}
