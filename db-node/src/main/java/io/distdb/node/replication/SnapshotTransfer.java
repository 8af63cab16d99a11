package io.distdb.node.replication;

import io.distdb.node.replication.wire.ReplicationMessage;
import io.distdb.node.replication.wire.SnapshotBegin;
import io.distdb.node.replication.wire.SnapshotChunk;
import io.distdb.node.replication.wire.SnapshotEnd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Streams one snapshot to one slave as begin, chunks, end; the caller sends the next message only
 * while the connection is writable, so a slow slave never makes the master buffer the snapshot.
 */
final class SnapshotTransfer implements AutoCloseable {

  static final int CHUNK_BYTES = 256 * 1024;

  private final Snapshot snapshot;
  private final long epoch;
  private final Deque<Map.Entry<String, Path>> remaining;
  private final CRC32C crc = new CRC32C();
  private boolean begun;
  private boolean ended;
  private String currentName;
  private InputStream current;
  private long offset;

  SnapshotTransfer(Snapshot snapshot, long epoch) {
    this.snapshot = snapshot;
    this.epoch = epoch;
    this.remaining = new ArrayDeque<>(snapshot.files().entrySet());
  }

  long lsn() {
    return snapshot.lsn();
  }

  boolean done() {
    return ended;
  }

  /** The next message to send, or null once the end was sent. */
  ReplicationMessage next() throws IOException {
    if (!begun) {
      begun = true;
      return new SnapshotBegin(epoch, snapshot.lsn(), snapshot.totalBytes());
    }
    while (true) {
      if (current == null) {
        Map.Entry<String, Path> file = remaining.poll();
        if (file == null) {
          if (ended) {
            return null;
          }
          ended = true;
          return new SnapshotEnd(snapshot.lsn(), crc.getValue());
        }
        currentName = file.getKey();
        current = Files.newInputStream(file.getValue());
        offset = 0;
      }
      byte[] data = current.readNBytes(CHUNK_BYTES);
      if (data.length == 0) {
        current.close();
        current = null;
        continue;
      }
      crc.update(data);
      SnapshotChunk chunk = new SnapshotChunk(currentName, offset, data);
      offset += data.length;
      return chunk;
    }
  }

  @Override
  public void close() {
    try {
      if (current != null) {
        current.close();
      }
    } catch (IOException ignored) {
      // Only a temporary file.
    }
    snapshot.delete();
  }
}
