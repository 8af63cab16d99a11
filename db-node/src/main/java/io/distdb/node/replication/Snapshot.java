package io.distdb.node.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A consistent copy of every database as of one LSN: one backup file per database in a temporary
 * directory that {@link #delete()} removes.
 *
 * @param files database name → backup file
 */
public record Snapshot(long lsn, Path directory, Map<String, Path> files) {

  public long totalBytes() throws IOException {
    long total = 0;
    for (Path p : files.values()) {
      total += Files.size(p);
    }
    return total;
  }

  public void delete() {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // A leftover temporary directory is removed with the next snapshot's cleanup.
    }
  }
}
