package io.distdb.node.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 500;

  @TempDir Path dir;

  @Test
  void concurrentWritersShareFsyncs() throws Exception {
    ConcurrentLinkedQueue<Long> lsns = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < PER_THREAD; i++) {
                    long lsn = log.append(("t" + thread + "-" + i).getBytes());
                    log.awaitDurable(lsn);
                    assertThat(log.durableLsn()).isGreaterThanOrEqualTo(lsn);
                    lsns.add(lsn);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      int total = THREADS * PER_THREAD;
      assertThat(lsns).hasSize(total).doesNotHaveDuplicates();
      assertThat(lsns.stream().mapToLong(Long::longValue).min().getAsLong()).isEqualTo(1);
      assertThat(lsns.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(total);
      assertThat(log.durableLsn()).isEqualTo(total);
      // The property of group commit: one fsync serves many writers.
      assertThat(log.fsyncCount()).isPositive().isLessThan(total / 2);

      // Every writer's payload is in the log exactly once, each thread's in its own order.
      List<String> seen = new ArrayList<>();
      LogTestSupport.readAll(log, 1).forEach(e -> seen.add(new String(e.payload())));
      assertThat(seen).hasSize(total).doesNotHaveDuplicates();
      for (int t = 0; t < THREADS; t++) {
        String prefix = "t" + t + "-";
        List<String> mine = seen.stream().filter(s -> s.startsWith(prefix)).toList();
        for (int i = 0; i < PER_THREAD; i++) {
          assertThat(mine.get(i)).isEqualTo(prefix + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void asyncWaitersAndCursorsRunWhileAppending() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      int n = 2000;
      CompletableFuture<Void> reader =
          CompletableFuture.runAsync(
              () -> {
                try (LogCursor c = log.read(1)) {
                  long expected = 1;
                  while (expected <= n) {
                    LogEntry e = c.next();
                    if (e == null) {
                      log.awaitDurable(log.durableLsn() + 1);
                      continue;
                    }
                    assertThat(e.lsn()).isEqualTo(expected);
                    assertThat(e.lsn()).isLessThanOrEqualTo(log.durableLsn());
                    expected++;
                  }
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });
      List<CompletableFuture<Long>> durable = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        durable.add(log.whenDurable(log.append(new byte[] {(byte) i})));
      }
      CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      reader.get(60, TimeUnit.SECONDS);
      assertThat(log.fsyncCount()).isLessThan(n);
    }
  }
}
