package io.distdb.node.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks the data directory before anything is written to it, so that a node with nowhere to put
 * acknowledged writes refuses to start instead of failing its first client.
 */
public final class DataDirectory {

  private static final int PROBE_BYTES = 64 * 1024;

  private DataDirectory() {}

  /** Creates the directory if needed and proves it takes an fsynced write and has room. */
  public static void check(Path dir, long minFreeBytes) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create data directory " + dir + ": " + e, e);
    }
    // Owner-only, also for data an older version left with the umask's modes.
    FileModes.restrictTree(dir);
    Path probe = dir.resolve(".write-probe");
    try (FileChannel ch =
        FileChannel.open(
            probe,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.allocate(PROBE_BYTES);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new IllegalStateException("data directory " + dir + " is not writable: " + e, e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // The probe is harmless if it stays.
      }
    }
    long free;
    try {
      free = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read free space of " + dir + ": " + e, e);
    }
    if (free < minFreeBytes) {
      throw new IllegalStateException(
          "data directory "
              + dir
              + " has only "
              + free
              + " bytes free; at least "
              + minFreeBytes
              + " are required (--min-free-bytes)");
    }
  }
}
