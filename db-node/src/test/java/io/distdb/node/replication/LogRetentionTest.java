package io.distdb.node.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRetentionTest {

  @TempDir Path dir;
  ReplicationLog log;
  Storage storage;

  @BeforeEach
  void setUp() throws Exception {
    // Small segments: every ~10 entries of 100 bytes start a new one.
    log = ReplicationLog.open(dir.resolve("log"), new LogOptions(1_200, false));
    storage = new Storage(dir.resolve("db"));
    for (int i = 0; i < 100; i++) {
      log.append(new byte[100]);
    }
    log.awaitDurable(log.lastLsn());
  }

  @AfterEach
  void tearDown() throws Exception {
    storage.close();
    log.close();
  }

  private LogRetention retention(long committed, long floor, long budget, Duration age) {
    return new LogRetention(log, storage, () -> committed, () -> floor, budget, age);
  }

  @Test
  void keepsWhatALaggingSlaveNeedsWhileWithinBudget() throws Exception {
    long first = retention(100, 30, 1 << 30, Duration.ofDays(1)).runOnce();
    assertThat(first).isLessThanOrEqualTo(31).isGreaterThan(1);
    try (var cursor = log.read(31)) {
      assertThat(cursor.next().lsn()).isEqualTo(31);
    }
  }

  @Test
  void neverDropsWhatStorageHasNotCommitted() throws Exception {
    long first = retention(40, Long.MAX_VALUE, 1 << 30, Duration.ofDays(1)).runOnce();
    assertThat(first).isLessThanOrEqualTo(41).isGreaterThan(1);
  }

  @Test
  void overTheByteBudgetALaggingSlaveNoLongerHoldsTheLog() throws Exception {
    long first = retention(90, 5, 2_000, Duration.ofDays(1)).runOnce();
    assertThat(first).isGreaterThan(6).isLessThanOrEqualTo(91);
  }

  @Test
  void pastTheAgeLimitALaggingSlaveNoLongerHoldsTheLog() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
      }
    }
    long first = retention(90, 5, 1 << 30, Duration.ofHours(1)).runOnce();
    assertThat(first).isGreaterThan(6);
  }
}
