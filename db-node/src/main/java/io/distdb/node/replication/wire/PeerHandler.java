package io.distdb.node.replication.wire;

/**
 * What the replication core does on connection events. Calls for one connection arrive on one
 * thread, in order; implementations must not block (hand long work to their own threads), with one
 * exception: a follower fsyncs what it received before it acknowledges it, on that thread, because
 * a hand-off there would sit on every synchronous commit's path.
 */
public interface PeerHandler {

  void connected(PeerConnection connection);

  void received(PeerConnection connection, ReplicationMessage message);

  /** Every message of the current read has been passed to {@link #received}. */
  default void readComplete(PeerConnection connection) {}

  /** The connection can take more data after {@link PeerConnection#isWritable()} was false. */
  default void writable(PeerConnection connection) {}

  /** Nothing was sent for the configured writer-idle time: a chance to send a heartbeat. */
  default void idle(PeerConnection connection) {}

  void disconnected(PeerConnection connection);
}
