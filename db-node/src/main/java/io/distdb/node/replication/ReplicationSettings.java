package io.distdb.node.replication;

import java.time.Duration;

/**
 * The replication parameters the core needs.
 *
 * @param sync whether commits wait for slaves' acknowledgements
 * @param waitForApply in sync mode, wait until slaves have applied the entry (so a client can read
 *     its own write on them), not only made it durable
 * @param degradeOnTimeout whether an ack timeout degrades to async instead of failing the write
 */
public record ReplicationSettings(
    String clusterId,
    String nodeId,
    long epoch,
    byte[] secret,
    boolean sync,
    boolean waitForApply,
    int minSyncAcks,
    Duration ackTimeout,
    boolean degradeOnTimeout,
    long logRetentionBytes) {

  /** The replication protocol version this node speaks. */
  public static final int PROTOCOL_VERSION = 1;
}
