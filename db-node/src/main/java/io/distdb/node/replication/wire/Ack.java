package io.distdb.node.replication.wire;

/**
 * Slave → master, after appending entries and in answer to every {@link Heartbeat}.
 *
 * @param durableLsn highest LSN fsynced in the slave's log: what the master may count towards
 *     commit quorums and release flow-control credit for
 * @param appliedLsn highest LSN applied to the slave's storage (&lt;= durableLsn): what a read on
 *     the slave can see, used for lag reporting
 */
public record Ack(long epoch, long durableLsn, long appliedLsn) implements ReplicationMessage {

  @Override
  public MessageType type() {
    return MessageType.ACK;
  }
}
