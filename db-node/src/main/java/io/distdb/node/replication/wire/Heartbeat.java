package io.distdb.node.replication.wire;

/**
 * Master → slave when the link has been write-idle. Keeps the slave's reader-idle timer from
 * firing, tells it how far the master's log goes (lag), and the slave's {@link Ack} answer keeps
 * the master's view of the slave fresh.
 */
public record Heartbeat(long epoch, long masterLastLsn, long sentAtMillis)
    implements ReplicationMessage {

  @Override
  public MessageType type() {
    return MessageType.HEARTBEAT;
  }
}
