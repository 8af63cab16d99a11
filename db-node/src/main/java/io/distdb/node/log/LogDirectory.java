package io.distdb.node.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Directory-level operations: validation, the lock file, directory fsync, the reset dance. */
final class LogDirectory {

  static final String LOCK_FILE = "LOCK";

  /** Suffix of the new first segment written by a reset before the reset commits. */
  static final String RESET_SUFFIX = ".tmp";

  private LogDirectory() {}

  /** Creates the directory if needed and checks that it is usable. */
  static void prepare(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create log directory " + dir + ": " + e, e);
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("log path " + dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new IOException("log directory " + dir + " is not writable");
    }
  }

  /**
   * Two logs appending to one directory would interleave garbage, so the second open fails. The
   * returned channel holds the lock until it is closed.
   */
  static FileChannel lock(Path dir) throws IOException {
    FileChannel ch =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("log directory " + dir + " is already in use by another log");
    }
    return ch;
  }

  /** Makes creations, renames and deletions of directory entries durable (POSIX). */
  static void sync(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void deleteAllSegments(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        if (Segment.parseFileName(p.getFileName().toString()) > 0) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Step 1 of a reset: the new, empty first segment under a temp name, synced. Until it is complete
   * nothing has been deleted, so a crash here leaves the old log intact.
   */
  static Path writeResetSegment(Path dir, long baseLsn, boolean fsync) throws IOException {
    Path tmp = dir.resolve(Segment.fileName(baseLsn) + RESET_SUFFIX);
    Files.deleteIfExists(tmp);
    try (RandomAccessFile raf = new RandomAccessFile(tmp.toFile(), "rw")) {
      raf.write(RecordCodec.encodeSegmentHeader(baseLsn).array());
      if (fsync) {
        raf.getFD().sync();
      }
    }
    return tmp;
  }

  /**
   * Step 2 of a reset (also run by recovery after a crash): delete the old segments and rename the
   * temp file into place. Idempotent, so it may be repeated after another crash.
   */
  static Path commitReset(Path dir, Path tmp, boolean fsync) throws IOException {
    String name = tmp.getFileName().toString();
    Path target = dir.resolve(name.substring(0, name.length() - RESET_SUFFIX.length()));
    deleteAllSegments(dir);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    if (fsync) {
      sync(dir);
    }
    return target;
  }
}
