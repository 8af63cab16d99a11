package io.distdb.node.replication;

import io.distdb.node.replication.wire.SnapshotBegin;
import io.distdb.node.replication.wire.SnapshotChunk;
import io.distdb.node.replication.wire.SnapshotEnd;
import io.distdb.node.storage.DatabaseName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Collects a snapshot's chunks into files on a slave and checks them against the master's CRC
 * before anything is installed: a cut connection or a corrupted chunk leaves the old state intact.
 */
final class SnapshotReceiver implements AutoCloseable {

  private final Path dir;
  private final long lsn;
  private final long totalBytes;
  private final Map<String, Path> files = new LinkedHashMap<>();
  private final CRC32C crc = new CRC32C();
  private long received;
  private String currentName;
  private OutputStream current;
  private long currentOffset;

  SnapshotReceiver(Path workDir, SnapshotBegin begin) throws IOException {
    Files.createDirectories(workDir);
    this.dir = Files.createTempDirectory(workDir, "incoming-");
    this.lsn = begin.snapshotLsn();
    this.totalBytes = begin.totalBytes();
  }

  long lsn() {
    return lsn;
  }

  void accept(SnapshotChunk chunk) throws IOException {
    if (!DatabaseName.isValid(chunk.fileName())) {
      throw new IOException("snapshot chunk names an invalid database: " + chunk.fileName());
    }
    if (!chunk.fileName().equals(currentName)) {
      if (files.containsKey(chunk.fileName())) {
        throw new IOException("snapshot file " + chunk.fileName() + " resumed out of order");
      }
      closeCurrent();
      currentName = chunk.fileName();
      Path file = dir.resolve(currentName + ".zip");
      files.put(currentName, file);
      current = Files.newOutputStream(file);
      currentOffset = 0;
    }
    if (chunk.offset() != currentOffset) {
      throw new IOException(
          "snapshot chunk of "
              + currentName
              + " at offset "
              + chunk.offset()
              + ", expected "
              + currentOffset);
    }
    received += chunk.data().length;
    if (received > totalBytes) {
      throw new IOException("snapshot larger than announced (" + totalBytes + " bytes)");
    }
    current.write(chunk.data());
    crc.update(chunk.data());
    currentOffset += chunk.data().length;
  }

  /** Verifies the end marker; returns the complete files (database name → backup). */
  Map<String, Path> finish(SnapshotEnd end) throws IOException {
    closeCurrent();
    if (end.snapshotLsn() != lsn || end.crc32c() != crc.getValue() || received != totalBytes) {
      throw new IOException(
          "snapshot damaged: lsn "
              + end.snapshotLsn()
              + "/"
              + lsn
              + ", crc "
              + end.crc32c()
              + "/"
              + crc.getValue()
              + ", bytes "
              + received
              + "/"
              + totalBytes);
    }
    return files;
  }

  private void closeCurrent() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    try {
      closeCurrent();
    } catch (IOException ignored) {
      // The directory goes next.
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // Left for the next snapshot's work directory cleanup.
    }
  }
}
