package io.distdb.node.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: whoever needs a flush does it, one at a time, and each fsync covers whatever was
 * written before it started. There is no batching delay; while one fsync runs, new appends pile up
 * and the next fsync covers all of them, so the batch size adapts to the fsync latency.
 *
 * <p>A thread that waits for its own entry ({@link #awaitDurable}) fsyncs on its own thread when no
 * other flush is running, and otherwise waits for the running one and then, if that did not cover
 * it, leads the next. So an uncontended commit costs no thread hand-off. The {@code log-flusher}
 * thread flushes what nobody waits for synchronously (appends whose caller uses {@link
 * #whenDurable} or does not wait at all).
 *
 * <p>Owns the durable LSN and everything waiting on it: blocking waiters, futures and listeners.
 * Listeners run on the thread that made the entries durable, so they must be short and must not
 * block; futures complete on a separate notifier thread so that code chained onto them never delays
 * a commit.
 *
 * <p>After an fsync fails the log is failed for good: the kernel may have dropped the dirty pages,
 * so retrying the fsync could falsely report success ("fsyncgate"). Restart and recovery is the
 * only safe way on.
 */
final class GroupCommitter {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  /** What one flush must cover, snapshotted under the log's append lock. */
  record Batch(long targetLsn, Segment segment, boolean syncDirectory, long generation) {}

  /** The log side of the protocol, implemented by {@link ReplicationLog}. */
  interface Source {
    /**
     * Blocks until there may be un-flushed writes the flusher thread should cover; false once
     * closing and everything is flushed.
     */
    boolean awaitWork() throws InterruptedException;

    /** What a flush starting now must cover; null when everything written is durable. */
    Batch nextBatch();

    /** Calls publish with the batch's target unless a reset made the batch obsolete. */
    void completeBatch(Batch batch, LongConsumer publish);
  }

  private record Pending(long lsn, CompletableFuture<Long> future) {}

  private final Source source;
  private final Path dir;
  private final boolean fsync;
  private final Object monitor = new Object();
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(Comparator.comparingLong(Pending::lsn)); // guarded by monitor
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong fsyncs = new AtomicLong();
  private final ExecutorService notifier;
  private final Thread flusher;
  private volatile long durableLsn;
  private volatile IOException failure;
  private volatile boolean shutDown;
  private boolean flushing; // guarded by monitor: a thread is between nextBatch and completeBatch

  GroupCommitter(Source source, Path dir, boolean fsync, long initialDurableLsn) {
    this.source = source;
    this.dir = dir;
    this.fsync = fsync;
    this.durableLsn = initialDurableLsn;
    this.notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "log-durable-notifier"));
    this.flusher = daemon(this::flushLoop, "log-flusher");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  void start() {
    flusher.start();
  }

  private void flushLoop() {
    try {
      while (failure == null && source.awaitWork()) {
        lead(Long.MAX_VALUE);
      }
    } catch (IOException e) {
      // lead() has failed the log and logged why.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // only happens if someone else interrupts us
    }
  }

  /**
   * Flushes until {@code lsn} is durable or, for {@code Long.MAX_VALUE}, once: waits while another
   * thread flushes (its fsync may cover lsn), else flushes itself.
   */
  private void lead(long lsn) throws IOException, InterruptedException {
    boolean once = lsn == Long.MAX_VALUE;
    while (true) {
      synchronized (monitor) {
        while (flushing && lsn > durableLsn) {
          monitor.wait();
        }
        if (lsn <= durableLsn) {
          return;
        }
        checkUsable();
        flushing = true;
      }
      boolean flushed;
      try {
        flushed = flushOnce();
      } finally {
        synchronized (monitor) {
          flushing = false;
          monitor.notifyAll();
        }
      }
      if (once) {
        return;
      }
      if (!flushed) {
        awaitProgress(lsn); // lsn is not appended yet: whoever appends it makes it durable
      }
    }
  }

  private void awaitProgress(long lsn) throws IOException, InterruptedException {
    synchronized (monitor) {
      long seen = durableLsn;
      while (lsn > durableLsn && durableLsn == seen && !flushing) {
        checkUsable();
        monitor.wait();
      }
    }
  }

  /** One fsync of what is written; false when there was nothing to flush. */
  private boolean flushOnce() throws IOException {
    Batch batch = source.nextBatch();
    if (batch == null) {
      return false;
    }
    try {
      if (fsync && batch.syncDirectory()) {
        LogDirectory.sync(dir); // a new segment's directory entry
      }
      if (fsync && batch.segment().force()) {
        fsyncs.incrementAndGet();
      }
    } catch (IOException | RuntimeException e) {
      IOException io = e instanceof IOException ioe ? ioe : new IOException(e);
      log.atError()
          .setCause(io)
          .addKeyValue("dir", dir)
          .log("log fsync failed; the log refuses further writes until restarted");
      fail(io);
      throw io;
    }
    source.completeBatch(batch, this::advance);
    return true;
  }

  /** Raises the durable LSN to lsn (never lowers it) and wakes whoever waits for it. */
  void advance(long lsn) {
    List<Pending> done;
    synchronized (monitor) {
      if (lsn <= durableLsn) {
        return;
      }
      durableLsn = lsn;
      monitor.notifyAll();
      done = drainUpTo(lsn);
    }
    notifyAsync(lsn, done);
  }

  /** Sets the durable LSN after a reset, which may move it backwards. */
  void resetTo(long lsn) {
    List<Pending> done;
    synchronized (monitor) {
      durableLsn = lsn;
      monitor.notifyAll();
      done = drainUpTo(lsn);
    }
    notifyAsync(lsn, done);
  }

  private List<Pending> drainUpTo(long lsn) {
    List<Pending> done = new ArrayList<>();
    while (!pending.isEmpty() && pending.peek().lsn() <= lsn) {
      done.add(pending.poll());
    }
    return done;
  }

  private void notifyAsync(long lsn, List<Pending> done) {
    for (LongConsumer l : listeners) {
      try {
        l.accept(lsn);
      } catch (RuntimeException e) {
        log.atWarn().setCause(e).log("durable listener failed");
      }
    }
    if (done.isEmpty()) {
      return;
    }
    try {
      notifier.execute(() -> done.forEach(p -> p.future().complete(lsn)));
    } catch (RejectedExecutionException e) {
      done.forEach(p -> p.future().complete(lsn)); // shutting down: still honour the futures
    }
  }

  void fail(IOException e) {
    List<Pending> failed;
    synchronized (monitor) {
      if (failure == null) {
        failure = e;
      }
      monitor.notifyAll();
      failed = new ArrayList<>(pending);
      pending.clear();
    }
    failed.forEach(p -> p.future().completeExceptionally(e));
  }

  /**
   * Returns once lsn is durable, flushing on the calling thread when no other flush is running. lsn
   * must have been appended.
   */
  void awaitDurable(long lsn) throws IOException, InterruptedException {
    if (lsn <= durableLsn) {
      return; // fast path, no monitor
    }
    lead(lsn);
  }

  CompletableFuture<Long> whenDurable(long lsn) {
    synchronized (monitor) {
      long durable = durableLsn;
      if (lsn <= durable) {
        return CompletableFuture.completedFuture(durable);
      }
      try {
        checkUsable();
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
      CompletableFuture<Long> f = new CompletableFuture<>();
      pending.add(new Pending(lsn, f));
      return f;
    }
  }

  private void checkUsable() throws IOException {
    if (failure != null) {
      throw new IOException("replication log failed: " + failure.getMessage(), failure);
    }
    if (shutDown) {
      throw new IOException("replication log closed before the entry became durable");
    }
  }

  void addListener(LongConsumer listener) {
    listeners.add(listener);
  }

  /** Counts an fsync done outside the flusher (sealing a segment at roll-over). */
  void recordFsync() {
    fsyncs.incrementAndGet();
  }

  long durableLsn() {
    return durableLsn;
  }

  IOException failure() {
    return failure;
  }

  long fsyncCount() {
    return fsyncs.get();
  }

  /**
   * Waits for the flusher to finish its final flush (the source returns null once everything is
   * flushed), then fails whatever still waits for entries that were never written.
   */
  void shutdown() {
    boolean interrupted = false;
    while (flusher.isAlive()) {
      try {
        flusher.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish closing anyway; restore the flag below
      }
    }
    List<Pending> left;
    synchronized (monitor) {
      shutDown = true;
      monitor.notifyAll();
      left = new ArrayList<>(pending);
      pending.clear();
    }
    IOException closed = new IOException("replication log closed");
    left.forEach(p -> p.future().completeExceptionally(closed));
    notifier.shutdown();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
