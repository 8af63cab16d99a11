package io.distdb.node.replication.wire;

/** One replication connection as the plain-Java replication core sees it. Thread-safe. */
public interface PeerConnection {

  /** Queues a message; it is flushed at once. */
  void send(ReplicationMessage message);

  /** False while the socket's send buffer is full: the sender should pause. */
  boolean isWritable();

  void close();

  /** The peer has authenticated: lift the handshake's small frame limit. */
  default void authenticated() {}

  boolean isOpen();

  /** The peer's address, for status and logs. */
  String remoteAddress();
}
