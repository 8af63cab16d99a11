package io.distdb.node.replication.wire;

/**
 * Master → slave: the snapshot is complete. {@code crc32c} covers all chunk data in send order; a
 * mismatch means the slave must discard the snapshot and reconnect.
 */
public record SnapshotEnd(long snapshotLsn, long crc32c) implements ReplicationMessage {

  @Override
  public MessageType type() {
    return MessageType.SNAPSHOT_END;
  }
}
