package io.distdb.node.log;

import io.distdb.node.config.FileModes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file. Only the active (last) segment has a writer; older ones are sealed, i.e.
 * fsynced and closed, and are only read through cursors' own channels.
 *
 * <p>Writes go through {@link RandomAccessFile} rather than a {@code FileChannel} on purpose: NIO
 * channels close themselves when the calling thread is interrupted, and appenders are arbitrary
 * request threads. One interrupted client must not close the log for everyone. The channel of the
 * same file is used for {@code force} only, and only by the log's own threads.
 *
 * <p>Thread-safety: {@link #write} is called under the log's append lock; {@link #force} and {@link
 * #seal} are synchronized with each other so the flusher never forces a closed file.
 */
final class Segment {

  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.log");

  /**
   * The file grows ahead of the records by this much, in written zeros: an fdatasync that need not
   * also commit a new file size is cheaper (ext4 here: p50 0.2-1.6 ms against 1.4-2.2 ms), as
   * PostgreSQL's preallocated WAL segments are. Recovery cuts the zeros off the last segment;
   * sealing cuts them off the others.
   */
  static final int PREALLOCATE_BYTES = 1 << 20;

  private static final byte[] ZEROS = new byte[PREALLOCATE_BYTES];

  final Path path;
  final long baseLsn;
  private RandomAccessFile writer; // null once sealed
  private volatile long size;
  private volatile long lastLsn;

  /** The file's length while it is written: records end at size, zeros fill the rest. */
  private long allocated;

  private Segment(Path path, long baseLsn, RandomAccessFile writer, long size, long lastLsn) {
    this.path = path;
    this.baseLsn = baseLsn;
    this.writer = writer;
    this.size = size;
    this.lastLsn = lastLsn;
    this.allocated = size;
  }

  /** Zero-padded so that lexical order of file names is LSN order. */
  static String fileName(long baseLsn) {
    return String.format("%020d.log", baseLsn);
  }

  /** The base LSN encoded in a segment file name, or -1 if the name is not a segment's. */
  static long parseFileName(String name) {
    Matcher m = NAME.matcher(name);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Creates a new, empty segment; the header is written but not yet fsynced. */
  static Segment create(Path dir, long baseLsn) throws IOException {
    Path path = dir.resolve(fileName(baseLsn));
    // Fails if it exists: never overwrite a segment. Owner-only whatever the umask.
    Files.createFile(path, FileModes.OWNER_ONLY_FILE);
    RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw");
    try {
      raf.write(RecordCodec.encodeSegmentHeader(baseLsn).array());
    } catch (IOException e) {
      raf.close();
      throw e;
    }
    return new Segment(path, baseLsn, raf, RecordCodec.SEGMENT_HEADER_BYTES, baseLsn - 1);
  }

  /** Reopens the recovered last segment for appending, cutting off anything past validSize. */
  static Segment openActive(Path path, long baseLsn, long validSize, long lastLsn)
      throws IOException {
    RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw");
    try {
      if (raf.length() > validSize) {
        raf.setLength(validSize);
        raf.getFD().sync(); // the cut must be durable before new records land behind it
      }
    } catch (IOException e) {
      raf.close();
      throw e;
    }
    return new Segment(path, baseLsn, raf, validSize, lastLsn);
  }

  /** A recovered non-last segment: complete and already durable. */
  static Segment sealed(Path path, long baseLsn, long size, long lastLsn) {
    return new Segment(path, baseLsn, null, size, lastLsn);
  }

  /** Appends one encoded record (caller holds the log's append lock). */
  void write(ByteBuffer record, long lsn) throws IOException {
    RandomAccessFile raf = writer;
    if (raf == null) {
      throw new IOException("segment " + path + " is sealed");
    }
    long end = size + record.remaining();
    if (end > allocated) {
      preallocate(raf, end);
    }
    raf.seek(size);
    raf.write(record.array(), record.arrayOffset() + record.position(), record.remaining());
    size = end;
    lastLsn = lsn;
  }

  /**
   * Grows the file ahead of the records. Only an optimization: on a nearly full disk the zeros may
   * not fit where the record would, so a failure to write them takes them back and the record is
   * appended as it was before preallocation existed; the disk reserve, not this, refuses writes.
   */
  private void preallocate(RandomAccessFile raf, long end) throws IOException {
    long target = Math.max(end, allocated + PREALLOCATE_BYTES);
    try {
      raf.seek(allocated);
      for (long at = allocated; at < target; at += PREALLOCATE_BYTES) {
        raf.write(ZEROS, 0, (int) Math.min(PREALLOCATE_BYTES, target - at));
      }
      allocated = target;
    } catch (IOException e) {
      raf.setLength(size);
      allocated = size;
    }
  }

  /**
   * fsyncs the data written so far ({@code force(false)}: file data and the size, not mtime).
   * Returns false if the segment was already sealed, which implies it was synced when sealed.
   */
  synchronized boolean force() throws IOException {
    if (writer == null) {
      return false;
    }
    writer.getChannel().force(false);
    return true;
  }

  /**
   * Makes the segment read-only: fsync (if asked) and close the writer. Uses the file descriptor's
   * sync, which, unlike a channel, is not aborted by interrupting the caller.
   */
  synchronized void seal(boolean fsync) throws IOException {
    if (writer == null) {
      return;
    }
    try {
      cutPreallocated();
      if (fsync) {
        writer.getFD().sync();
      }
    } finally {
      writer.close();
      writer = null;
    }
  }

  /**
   * Closes without syncing (the flusher has synced what it could): for shutdown, also after a
   * failure. The preallocated zeros go, so that a segment that is not the last one at the next
   * start ends at its last record.
   */
  synchronized void closeQuietly() {
    if (writer != null) {
      try {
        cutPreallocated();
      } catch (IOException ignored) {
        // recovery cuts the zeros off if this is still the last segment
      }
      try {
        writer.close();
      } catch (IOException ignored) {
        // nothing useful to do: the log is already failing or closing
      }
      writer = null;
    }
  }

  /**
   * Cuts the preallocated zeros off: a segment that is not the last one ends at its last record,
   * and recovery refuses anything else in one.
   */
  private void cutPreallocated() throws IOException {
    if (writer.length() > size) {
      writer.setLength(size);
    }
  }

  /** A fresh read-only channel, so cursors never share a file position with the writer. */
  FileChannel openReader() throws IOException {
    return FileChannel.open(path, StandardOpenOption.READ);
  }

  long size() {
    return size;
  }

  /** LSN of the last record in this segment, or baseLsn - 1 if it has none. */
  long lastLsn() {
    return lastLsn;
  }

  boolean isEmpty() {
    return lastLsn < baseLsn;
  }

  @Override
  public String toString() {
    return path.getFileName() + "[" + baseLsn + ".." + lastLsn + ", " + size + " bytes]";
  }
}
