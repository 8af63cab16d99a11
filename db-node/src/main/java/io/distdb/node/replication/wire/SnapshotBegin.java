package io.distdb.node.replication.wire;

/**
 * Master → slave: a snapshot taken at {@code snapshotLsn} follows as {@link SnapshotChunk}s.
 *
 * @param totalBytes total size of all chunk data, so the slave can check free space up front
 */
public record SnapshotBegin(long epoch, long snapshotLsn, long totalBytes)
    implements ReplicationMessage {

  @Override
  public MessageType type() {
    return MessageType.SNAPSHOT_BEGIN;
  }
}
