package io.distdb.node.replication;

import io.distdb.node.log.LogCursor;
import io.distdb.node.replication.wire.PeerConnection;

/**
 * The master's record of one slave. Mutated only on the master's replication thread; the LSNs are
 * volatile because commit waiters and {@code /status} read them from other threads.
 */
final class FollowerLink {

  final String nodeId;
  volatile String address;
  volatile LinkState state = LinkState.HANDSHAKE;
  volatile long durableLsn;
  volatile long appliedLsn;
  volatile long lastAckMillis;

  /** The registered incarnation; only its connection's acks count. Null before the first. */
  String incarnation;

  /** When the link last lost its connection; 0 while connected. */
  volatile long disconnectedAtMillis;

  /** When the durable LSN last advanced, or the slave last had nothing outstanding. */
  long lastProgressMillis;

  PeerConnection connection;

  /** The next LSN to send. */
  long nextLsn;

  LogCursor cursor;
  SnapshotTransfer snapshot;

  FollowerLink(String nodeId) {
    this.nodeId = nodeId;
  }

  void closeCursor() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }
}
