package io.distdb.node.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;

/**
 * A {@link LogCursor} over the segment files. It opens its own read-only channel per segment and
 * uses positional reads, so it never disturbs the writer or other cursors. Once a segment's file is
 * open the cursor keeps reading it even if retention deletes the file meanwhile (POSIX keeps an
 * unlinked file readable while it is open).
 */
final class SegmentCursor implements LogCursor {

  private final ReplicationLog log;
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
    if (nextLsn > log.durableLsn()) {
      return null; // never hand out what could still be lost
    }
    if (gen != generation || segment == null || nextLsn > segment.lastLsn()) {
      reposition(gen);
    }
    RecordCodec.Read r = RecordCodec.read(channel, position, Long.MAX_VALUE);
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

  /** Finds the segment holding nextLsn (a later one, or any after a reset) and seeks in it. */
  private void reposition(long gen) throws IOException {
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
    // Linear skip over headers only; cheap next to shipping the entries, and it only happens
    // when a cursor starts mid-segment. Everything skipped is below nextLsn, hence written.
    for (long lsn = s.baseLsn; lsn < nextLsn; lsn++) {
      position = RecordCodec.skip(channel, position, lsn);
    }
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
