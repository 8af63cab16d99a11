package io.distdb.node.replication;

import java.time.Duration;

/**
 * The replication parameters the core needs.
 *
 * @param sync whether commits wait for slaves' acknowledgements
 * @param waitForApply in sync mode, wait until slaves have applied the entry (so a client can read
 *     its own write on them), not only made it durable
 * @param degradeOnTimeout whether an ack timeout degrades to async instead of failing the write
 * @param incarnation this run of the node, sent by a slave in its Hello
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
    long logRetentionBytes,
    String incarnation) {

  /** The replication protocol version this node speaks (2: Hello carries the incarnation). */
  public static final int PROTOCOL_VERSION = 2;

  /** Settings with a fresh random incarnation. */
  public ReplicationSettings(
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
    this(
        clusterId,
        nodeId,
        epoch,
        secret,
        sync,
        waitForApply,
        minSyncAcks,
        ackTimeout,
        degradeOnTimeout,
        logRetentionBytes,
        java.util.UUID.randomUUID().toString());
  }
}
