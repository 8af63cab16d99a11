package io.distdb.node.replication.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Master → slave: {@code data} belongs at {@code offset} in snapshot file {@code fileName}.
 * Carrying the offset lets the slave detect gaps instead of silently writing a corrupt file.
 */
public record SnapshotChunk(String fileName, long offset, byte[] data)
    implements ReplicationMessage {

  public SnapshotChunk {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(data, "data");
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset);
    }
  }

  @Override
  public MessageType type() {
    return MessageType.SNAPSHOT_CHUNK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotChunk c
        && fileName.equals(c.fileName)
        && offset == c.offset
        && Arrays.equals(data, c.data);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(fileName, offset) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "SnapshotChunk[fileName="
        + fileName
        + ", offset="
        + offset
        + ", data="
        + Bytes.describe(data)
        + "]";
  }
}
