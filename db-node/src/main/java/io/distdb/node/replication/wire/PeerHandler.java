package io.distdb.node.replication.wire;

/**
 * What the replication core does on connection events. Calls for one connection arrive on one
 * thread, in order; implementations must not block (hand long work to their own threads).
 */
public interface PeerHandler {

  void connected(PeerConnection connection);

  void received(PeerConnection connection, ReplicationMessage message);

  /** The connection can take more data after {@link PeerConnection#isWritable()} was false. */
  default void writable(PeerConnection connection) {}

  /** Nothing was sent for the configured writer-idle time: a chance to send a heartbeat. */
  default void idle(PeerConnection connection) {}

  void disconnected(PeerConnection connection);
}
