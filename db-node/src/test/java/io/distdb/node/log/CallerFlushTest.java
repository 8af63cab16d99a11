package io.distdb.node.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committing thread fsyncs its own entries; concurrent ones still share fsyncs. */
class CallerFlushTest {

  @TempDir Path dir;

  @Test
  void anUncontendedCommitIsFlushedOnItsOwnThread() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      Set<String> flushedOn = ConcurrentHashMap.newKeySet();
      log.addDurableListener(lsn -> flushedOn.add(Thread.currentThread().getName()));
      long first = log.appendAllDurably(List.of("a".getBytes(), "b".getBytes()));
      assertThat(first).isEqualTo(1);
      assertThat(log.durableLsn()).isEqualTo(2);
      assertThat(flushedOn).containsExactly(Thread.currentThread().getName());

      log.appendAllForOwnFlush(3, List.of("c".getBytes()));
      log.awaitDurable(3);
      assertThat(log.durableLsn()).isEqualTo(3);
      assertThat(flushedOn).containsExactly(Thread.currentThread().getName());
      assertThat(log.fsyncCount()).isEqualTo(2);
    }
  }

  @Test
  void concurrentCommittersShareFsyncsAndAllBecomeDurable() throws Exception {
    int threads = 8;
    int perThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    long lsn = log.appendAllDurably(List.of(new byte[] {(byte) i}));
                    assertThat(log.durableLsn()).isGreaterThanOrEqualTo(lsn);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      int total = threads * perThread;
      assertThat(log.durableLsn()).isEqualTo(total);
      assertThat(log.fsyncCount()).isPositive().isLessThan(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void entriesAppendedForTheCallersFlushAreFlushedAtCloseAnyway() throws Exception {
    ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults());
    log.appendAllForOwnFlush(1, List.of("x".getBytes()));
    log.close();
    try (ReplicationLog reopened = ReplicationLog.open(dir, LogOptions.defaults())) {
      assertThat(reopened.lastLsn()).isEqualTo(1);
      assertThat(LogTestSupport.readAll(reopened, 1)).hasSize(1);
    }
  }
}
