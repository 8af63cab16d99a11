package io.distdb.node.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;

/**
 * A {@link LogCursor} over the segment files. It opens its own read-only channel per segment and
 * uses positional reads, so it never disturbs the writer or other cursors. Once a segment's file is
 * open the cursor keeps reading it even if retention deletes the file meanwhile (POSIX keeps an
 * unlinked file readable while it is open).
 */
final class SegmentCursor implements LogCursor {

  /** Read ahead per file read: a slave catching up reads ~1,000 small entries per read, not two. */
  static final int READ_AHEAD_BYTES = 128 << 10;

  private final ReplicationLog log;

  /** The segment's bytes from {@link #bufferStart} on, as read by the last fill. */
  private final ByteBuffer buffer = ByteBuffer.allocate(READ_AHEAD_BYTES).limit(0);

  private long bufferStart;

  /**
   * The durable LSN just before the last fill: every record up to it was whole in the file when it
   * was read. Bytes after it may have been half-written then, so entries beyond it are re-read.
   */
  private long bufferDurable = -1;

  private long nextLsn;
  private long generation = -1;
  private Segment segment;
  private FileChannel channel;
  private long position;
  private boolean closed;

  SegmentCursor(ReplicationLog log, long fromLsn) {
    this.log = log;
    this.nextLsn = fromLsn;
  }

  @Override
  public LogEntry next() throws IOException {
    if (closed) {
      throw new IllegalStateException("cursor is closed");
    }
    log.ensureOpen();
    long gen = log.generation(); // read before durableLsn: a reset publishes it last
    long durable = log.durableLsn();
    if (nextLsn > durable) {
      return null; // never hand out what could still be lost
    }
    if (gen != generation || segment == null || nextLsn > segment.lastLsn()) {
      reposition(gen);
    }
    RecordCodec.Read r = readRecord(durable);
    if (r.status() != RecordCodec.Status.OK || r.entry().lsn() != nextLsn) {
      String why =
          r.status() == RecordCodec.Status.OK
              ? "expected LSN " + nextLsn + " but found " + r.entry().lsn()
              : r.problem();
      throw new IOException(
          "corrupt log record in " + segment.path + " at offset " + position + ": " + why);
    }
    position = r.nextOffset();
    nextLsn++;
    return r.entry();
  }

  /** The record at {@link #position}, from the read-ahead buffer when it holds all of it. */
  private RecordCodec.Read readRecord(long durable) throws IOException {
    for (int fills = 0; fills < 2; fills++) {
      int at = (int) (position - bufferStart);
      if (nextLsn <= bufferDurable
          && position >= bufferStart
          && position <= bufferStart + buffer.limit()
          && RecordCodec.bufferedRecordBytes(buffer, at) > 0) {
        return RecordCodec.read(buffer, at, position);
      }
      if (fills == 0) {
        fill(durable);
      }
    }
    // Larger than the buffer, or the file ends inside it: a direct read says which.
    return RecordCodec.read(channel, position, Long.MAX_VALUE);
  }

  /** Reads ahead from {@link #position}; {@code durable} was read before, see bufferDurable. */
  private void fill(long durable) throws IOException {
    buffer.clear();
    bufferStart = position;
    bufferDurable = durable;
    int n = channel.read(buffer, position);
    buffer.flip();
    if (n < 0) {
      buffer.limit(0);
    }
  }

  private void dropBuffer() {
    buffer.clear().limit(0);
    bufferDurable = -1;
  }

  /** Finds the segment holding nextLsn (a later one, or any after a reset) and seeks in it. */
  private void reposition(long gen) throws IOException {
    dropBuffer();
    long first = log.firstLsn();
    Segment s = log.segmentFor(nextLsn);
    if (nextLsn < first || s == null) {
      throw new LogTruncatedException(nextLsn, first);
    }
    generation = gen;
    if (s == segment) {
      return;
    }
    closeChannel();
    try {
      channel = s.openReader();
    } catch (NoSuchFileException e) {
      throw new LogTruncatedException(nextLsn, log.firstLsn()); // deleted under our feet
    }
    segment = s;
    position = RecordCodec.SEGMENT_HEADER_BYTES;
    // Linear skip over headers only, through the read-ahead buffer; it only happens when a cursor
    // starts mid-segment (a restart's replay, a slave resuming). Everything skipped is below
    // nextLsn, hence written.
    for (long lsn = s.baseLsn; lsn < nextLsn; lsn++) {
      position = skipRecord(lsn);
    }
    dropBuffer();
  }

  private long skipRecord(long lsn) throws IOException {
    long end = bufferStart + buffer.limit();
    if (position < bufferStart || position + RecordCodec.RECORD_HEADER_BYTES > end) {
      fill(-1); // holds headers to skip, not records to hand out
      if (buffer.limit() < RecordCodec.RECORD_HEADER_BYTES) {
        return RecordCodec.skip(channel, position, lsn); // reports the short file
      }
    }
    return RecordCodec.skipHeader(buffer, (int) (position - bufferStart), position, lsn);
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // read-only channel: nothing was buffered, nothing to lose
      }
      channel = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    closeChannel();
  }
}
