package io.distdb.node.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's write-ahead replication log: an append-only sequence of opaque entries numbered by
 * contiguous LSNs, stored in segment files (format in {@link RecordCodec}) and made durable by
 * group commit ({@link GroupCommitter}). See DESIGN.md in this package.
 *
 * <p>Appends serialize on one short lock that covers encoding and the {@code write} syscall; fsync
 * happens outside it, so appenders never wait for the disk unless they ask to ({@link
 * #awaitDurable}, {@link #whenDurable}, {@link #appendAllDurably}). A thread that waits for its own
 * entries fsyncs them itself when no other flush runs; the flusher thread covers the rest.
 */
public final class ReplicationLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplicationLog.class);

  private final Path dir;
  private final LogOptions options;
  private final FileChannel lockChannel;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition hasWork = lock.newCondition();

  /** All retained segments by base LSN; read lock-free by cursors, modified under lock. */
  private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();

  private final GroupCommitter committer;
  private Segment active; // guarded by lock
  private boolean directoryDirty; // guarded by lock: a segment was created since the last flush
  private boolean flusherNeeded; // guarded by lock: appended entries nobody flushes synchronously
  private boolean closed; // guarded by lock; closedFlag mirrors it for lock-free checks
  private volatile boolean closedFlag;
  private volatile long lastLsn;
  private volatile long generation; // bumped by reset so cursors re-locate themselves

  private ReplicationLog(
      Path dir, LogOptions options, FileChannel lockChannel, LogRecovery.Result recovered) {
    this.dir = dir;
    this.options = options;
    this.lockChannel = lockChannel;
    recovered.segments().forEach(s -> segments.put(s.baseLsn, s));
    this.active = segments.lastEntry().getValue();
    this.lastLsn = recovered.lastLsn();
    // Everything that survived recovery is on disk, hence durable.
    this.committer = new GroupCommitter(new FlushSource(), dir, options.fsync(), lastLsn);
  }

  /** Opens (creating if needed) the log in dir, recovering from any crash. */
  public static ReplicationLog open(Path dir, LogOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    LogDirectory.prepare(dir);
    FileChannel lockChannel = LogDirectory.lock(dir);
    try {
      ReplicationLog rl = new ReplicationLog(dir, options, lockChannel, LogRecovery.recover(dir));
      rl.committer.start();
      log.atDebug()
          .addKeyValue("dir", dir)
          .addKeyValue("firstLsn", rl.firstLsn())
          .addKeyValue("lastLsn", rl.lastLsn)
          .addKeyValue("segments", rl.segmentCount())
          .log("opened replication log");
      return rl;
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
  }

  /** Appends with the next LSN and returns it. Written to the OS, not yet durable. */
  public long append(byte[] payload) throws IOException {
    Objects.requireNonNull(payload, "payload");
    lock.lock();
    try {
      long lsn = lastLsn + 1;
      appendLocked(lsn, payload);
      return lsn;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends several entries with consecutive LSNs under one lock hold, so the flusher sees them
   * together and one fsync covers them all. Returns the first LSN.
   */
  public long appendAll(List<byte[]> payloads) throws IOException {
    if (payloads.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    lock.lock();
    try {
      long first = lastLsn + 1;
      for (byte[] payload : payloads) {
        appendLocked(lastLsn + 1, Objects.requireNonNull(payload, "payload"));
      }
      return first;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends like {@link #appendAll(List)} and returns once the entries are durable, doing the fsync
   * on the calling thread unless another flush is running (group commit: one fsync still covers
   * everything appended before it). Returns the first LSN.
   */
  public long appendAllDurably(List<byte[]> payloads) throws IOException, InterruptedException {
    long first = appendAllForOwnFlush(payloads);
    flushOwn(first + payloads.size() - 1);
    return first;
  }

  /**
   * Appends like {@link #appendAll(List)} without waking the flusher thread: the caller calls
   * {@link #flushOwn} next, maybe after letting go of a lock of its own, so that several callers
   * can share one fsync. Returns the first LSN.
   */
  public long appendAllForOwnFlush(List<byte[]> payloads) throws IOException {
    if (payloads.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    lock.lock();
    try {
      long first = lastLsn + 1;
      for (byte[] payload : payloads) {
        appendLocked(lastLsn + 1, Objects.requireNonNull(payload, "payload"), false);
      }
      return first;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once an fsync covered {@code lsn}, entries appended by {@link #appendAllForOwnFlush}:
   * does the fsync on the calling thread unless another flush is running (group commit: one fsync
   * still covers everything appended before it).
   */
  public void flushOwn(long lsn) throws IOException, InterruptedException {
    boolean flushed = false;
    try {
      committer.awaitDurable(lsn);
      flushed = true;
    } finally {
      if (!flushed) {
        wakeFlusher(); // interrupted before our entries were covered: they must not stay unsynced
      }
    }
  }

  /**
   * Follower path: appends like {@link #appendAll(long, List)} without waking the flusher thread,
   * because the caller flushes itself with {@link #awaitDurable} once it has appended what it
   * received together (one fsync for all of it). Until then only another flush covers these.
   */
  public void appendAllForOwnFlush(long firstLsn, List<byte[]> payloads) throws IOException {
    lock.lock();
    try {
      if (firstLsn != lastLsn + 1) {
        throw new IllegalArgumentException(
            "out-of-order log append: expected LSN " + (lastLsn + 1) + " but got LSN " + firstLsn);
      }
      for (byte[] payload : payloads) {
        appendLocked(lastLsn + 1, Objects.requireNonNull(payload, "payload"), false);
      }
    } finally {
      lock.unlock();
    }
  }

  private void wakeFlusher() {
    lock.lock();
    try {
      flusherNeeded = true;
      hasWork.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Follower path for a batch: appends entries under the master's LSNs {@code firstLsn}, {@code
   * firstLsn + 1}, ... under one lock hold; {@code firstLsn} must be lastLsn() + 1.
   */
  public void appendAll(long firstLsn, List<byte[]> payloads) throws IOException {
    lock.lock();
    try {
      if (firstLsn != lastLsn + 1) {
        throw new IllegalArgumentException(
            "out-of-order log append: expected LSN " + (lastLsn + 1) + " but got LSN " + firstLsn);
      }
      for (byte[] payload : payloads) {
        appendLocked(lastLsn + 1, Objects.requireNonNull(payload, "payload"));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Follower path: appends an entry under the master's LSN, which must be lastLsn() + 1. */
  public void append(long lsn, byte[] payload) throws IOException {
    Objects.requireNonNull(payload, "payload");
    lock.lock();
    try {
      if (lsn != lastLsn + 1) {
        throw new IllegalArgumentException(
            "out-of-order log append: expected LSN " + (lastLsn + 1) + " but got LSN " + lsn);
      }
      appendLocked(lsn, payload);
    } finally {
      lock.unlock();
    }
  }

  private void appendLocked(long lsn, byte[] payload) throws IOException {
    appendLocked(lsn, payload, true);
  }

  /**
   * @param wakeFlusher false when the caller flushes itself right after ({@link #appendAllDurably},
   *     {@link #appendAllForOwnFlush}): then the flusher thread is not woken for nothing
   */
  private void appendLocked(long lsn, byte[] payload, boolean wakeFlusher) throws IOException {
    ensureWritable();
    ByteBuffer record = RecordCodec.encode(lsn, payload);
    try {
      if (!active.isEmpty() && active.size() + record.remaining() > options.segmentBytes()) {
        roll(lsn);
      }
      active.write(record, lsn);
    } catch (IOException e) {
      // A half-written record may now sit at the tail; appending behind it would bury it in
      // the middle of the log. Stop here and let restart/recovery cut it off.
      committer.fail(e);
      throw e;
    }
    lastLsn = lsn;
    if (wakeFlusher) {
      flusherNeeded = true;
      hasWork.signal();
    }
  }

  /**
   * Seals the active segment (fsync + close) before the next one exists. That ordering is what lets
   * recovery treat damage in any non-last segment as real corruption, never a torn write.
   */
  private void roll(long nextLsn) throws IOException {
    active.seal(options.fsync());
    if (options.fsync()) {
      committer.recordFsync();
    }
    Segment next = Segment.create(dir, nextLsn);
    segments.put(nextLsn, next);
    active = next;
    directoryDirty = true;
    log.atDebug().addKeyValue("file", next.path).log("rolled over to a new log segment");
  }

  private void ensureWritable() throws IOException {
    ensureOpen();
    IOException failure = committer.failure();
    if (failure != null) {
      throw new IOException("replication log failed earlier: " + failure.getMessage(), failure);
    }
  }

  void ensureOpen() {
    if (closedFlag) {
      throw new IllegalStateException("replication log " + dir + " is closed");
    }
  }

  /**
   * Returns once an fsync covered lsn, doing that fsync on the calling thread when no other flush
   * runs. Waits indefinitely for LSNs not yet appended.
   */
  public void awaitDurable(long lsn) throws IOException, InterruptedException {
    committer.awaitDurable(lsn);
  }

  /** Completes with the durable LSN (>= lsn) once lsn is durable; exceptionally on failure. */
  public CompletableFuture<Long> whenDurable(long lsn) {
    return committer.whenDurable(lsn);
  }

  /** Called on a notifier thread with the new durable LSN after each flush. */
  public void addDurableListener(LongConsumer listener) {
    committer.addListener(Objects.requireNonNull(listener, "listener"));
  }

  public long lastLsn() {
    return lastLsn;
  }

  public long durableLsn() {
    return committer.durableLsn();
  }

  /** First retained LSN. The oldest segment's base, which is lastLsn() + 1 when it is empty. */
  public long firstLsn() {
    Map.Entry<Long, Segment> first = segments.firstEntry();
    return first == null ? lastLsn + 1 : first.getKey();
  }

  /** A cursor from fromLsn; it returns entries up to the durable LSN at each next() call. */
  public LogCursor read(long fromLsn) throws IOException {
    ensureOpen();
    long first = firstLsn();
    if (fromLsn < first) {
      throw new LogTruncatedException(fromLsn, first);
    }
    if (fromLsn > lastLsn + 1) {
      throw new IllegalArgumentException(
          "cannot read from LSN " + fromLsn + ": last LSN is " + lastLsn);
    }
    return new SegmentCursor(this, fromLsn);
  }

  /**
   * When the oldest retained entries were last written: the modification time of the first segment,
   * which stops changing once the segment is sealed. Retention by age uses it.
   */
  public java.time.Instant oldestSegmentWrittenAt() throws IOException {
    Map.Entry<Long, Segment> first = segments.firstEntry();
    return first == null
        ? java.time.Instant.now()
        : Files.getLastModifiedTime(first.getValue().path).toInstant();
  }

  /**
   * Retention: deletes whole sealed segments whose entries are all below lsn. The active segment is
   * never deleted. Cursors that already read a deleted file keep working.
   */
  public void truncateBefore(long lsn) throws IOException {
    List<Segment> doomed = new ArrayList<>();
    lock.lock();
    try {
      ensureOpen();
      for (Segment s : segments.values()) {
        if (s == active || s.lastLsn() >= lsn) {
          break;
        }
        segments.remove(s.baseLsn);
        doomed.add(s);
      }
    } finally {
      lock.unlock();
    }
    // Unlinking can take a while for big files; appenders need not wait for it.
    for (Segment s : doomed) {
      s.closeQuietly();
      Files.deleteIfExists(s.path);
      log.atDebug().addKeyValue("file", s.path).log("deleted log segment by retention");
    }
  }

  /**
   * Discards every entry; the next append gets newLastLsn + 1. Crash-safe: the new first segment is
   * written as a temp file and fsynced before anything is deleted (see {@link LogRecovery}).
   */
  public void reset(long newLastLsn) throws IOException {
    if (newLastLsn < 0) {
      throw new IllegalArgumentException("newLastLsn must be >= 0 but was " + newLastLsn);
    }
    lock.lock();
    try {
      ensureWritable();
      try {
        // Make what was written durable first so current waiters are released truthfully.
        active.seal(options.fsync());
        if (options.fsync()) {
          committer.recordFsync();
        }
        committer.advance(lastLsn);
        Path tmp = LogDirectory.writeResetSegment(dir, newLastLsn + 1, options.fsync());
        segments.values().forEach(Segment::closeQuietly);
        segments.clear();
        Path target = LogDirectory.commitReset(dir, tmp, options.fsync());
        active =
            Segment.openActive(
                target, newLastLsn + 1, RecordCodec.SEGMENT_HEADER_BYTES, newLastLsn);
        segments.put(active.baseLsn, active);
      } catch (IOException e) {
        committer.fail(e);
        throw e;
      }
      directoryDirty = false;
      lastLsn = newLastLsn;
      committer.resetTo(newLastLsn);
      generation++; // last: cursors read it before durableLsn
      log.atInfo()
          .addKeyValue("dir", dir)
          .addKeyValue("lastLsn", newLastLsn)
          .log("replication log reset");
    } finally {
      lock.unlock();
    }
  }

  public long sizeBytes() {
    return segments.values().stream().mapToLong(Segment::size).sum();
  }

  public int segmentCount() {
    return segments.size();
  }

  public long fsyncCount() {
    return committer.fsyncCount();
  }

  /** Flushes and fsyncs everything appended, then closes. Idempotent. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closedFlag = true;
      flusherNeeded = true;
      hasWork.signalAll(); // the flusher does a final flush and exits
    } finally {
      lock.unlock();
    }
    committer.shutdown();
    lock.lock();
    try {
      segments.values().forEach(Segment::closeQuietly); // all flushed by the flusher already
      lockChannel.close();
      IOException failure = committer.failure();
      if (failure != null) {
        throw new IOException(
            "replication log closed after a failure; entries after LSN "
                + committer.durableLsn()
                + " may be lost",
            failure);
      }
    } finally {
      lock.unlock();
    }
  }

  long generation() {
    return generation;
  }

  Segment segmentFor(long lsn) {
    Map.Entry<Long, Segment> e = segments.floorEntry(lsn);
    return e == null ? null : e.getValue();
  }

  /** The flusher's view of the log: what to flush next and whether a flush still counts. */
  private final class FlushSource implements GroupCommitter.Source {

    @Override
    public boolean awaitWork() throws InterruptedException {
      lock.lock();
      try {
        while (!closed && !flusherNeeded) {
          hasWork.await();
        }
        flusherNeeded = false;
        return !closed || lastLsn > committer.durableLsn();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public GroupCommitter.Batch nextBatch() {
      lock.lock();
      try {
        if (lastLsn <= committer.durableLsn()) {
          return null;
        }
        GroupCommitter.Batch batch =
            new GroupCommitter.Batch(lastLsn, active, directoryDirty, generation);
        directoryDirty = false;
        return batch;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void completeBatch(GroupCommitter.Batch batch, LongConsumer publish) {
      lock.lock();
      try {
        if (batch.generation() == generation) {
          publish.accept(batch.targetLsn());
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
