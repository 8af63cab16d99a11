package io.distdb.node.service;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps writes from filling the data directory's disk. The log and the storage engine both write to
 * it, and the engine closes a database it cannot write; refusing new writes while less than a
 * reserve is free (53100 disk_full) keeps both working, reads keep being served, and writes resume
 * by themselves once space is freed. The free space is read at most every {@link #RECHECK_NANOS}.
 */
public final class DiskReserve {

  /** How stale the free-space reading may be: one statfs per 100 ms, not one per write. */
  static final long RECHECK_NANOS = 100_000_000L;

  private final FileStore store;
  private final long reserveBytes;
  private volatile long checkedAt;
  private volatile long freeBytes = Long.MAX_VALUE;

  /** No reserve: every write is admitted (tests, and {@code --min-free-bytes 0}). */
  public static DiskReserve none() {
    return new DiskReserve(null, 0);
  }

  public static DiskReserve of(Path dataDir, long reserveBytes) throws IOException {
    return new DiskReserve(Files.getFileStore(dataDir), reserveBytes);
  }

  private DiskReserve(FileStore store, long reserveBytes) {
    this.store = store;
    this.reserveBytes = reserveBytes;
    this.checkedAt = System.nanoTime() - RECHECK_NANOS;
  }

  void check() throws SqlException {
    if (store == null || reserveBytes == 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - checkedAt >= RECHECK_NANOS) {
      try {
        freeBytes = store.getUsableSpace();
      } catch (IOException e) {
        freeBytes = 0;
      }
      checkedAt = now;
    }
    long free = freeBytes;
    if (free < reserveBytes) {
      throw new SqlException(
          "53100",
          "could not write: no space left on device",
          free
              + " bytes are free on the data directory's disk; writes need at least "
              + reserveBytes
              + " (--min-free-bytes).",
          "Free disk space or grow the volume; writes resume by themselves, reads are unaffected.",
          null);
    }
  }
}
