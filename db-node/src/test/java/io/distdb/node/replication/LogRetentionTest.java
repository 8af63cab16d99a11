package io.distdb.node.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
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

  @BeforeEach
  void setUp() throws Exception {
    // Small segments: every ~10 entries of 100 bytes start a new one.
    log = ReplicationLog.open(dir.resolve("log"), new LogOptions(1_200, false));
    for (int i = 0; i < 100; i++) {
      log.append(new byte[100]);
    }
    log.awaitDurable(log.lastLsn());
  }

  @AfterEach
  void tearDown() throws Exception {
    log.close();
  }

  private long retain(long checkpointed, long floor, long budget, Duration age) throws Exception {
    return new LogRetention(log, () -> floor, budget, age).runOnce(checkpointed);
  }

  @Test
  void keepsWhatALaggingSlaveNeedsWhileWithinBudget() throws Exception {
    long first = retain(100, 30, 1 << 30, Duration.ofDays(1));
    assertThat(first).isLessThanOrEqualTo(31).isGreaterThan(1);
    try (var cursor = log.read(31)) {
      assertThat(cursor.next().lsn()).isEqualTo(31);
    }
  }

  @Test
  void neverDropsWhatStorageHasNotCommitted() throws Exception {
    long first = retain(40, Long.MAX_VALUE, 1 << 30, Duration.ofDays(1));
    assertThat(first).isLessThanOrEqualTo(41).isGreaterThan(1);
  }

  @Test
  void overTheByteBudgetALaggingSlaveNoLongerHoldsTheLog() throws Exception {
    long first = retain(90, 5, 2_000, Duration.ofDays(1));
    assertThat(first).isGreaterThan(6).isLessThanOrEqualTo(91);
  }

  @Test
  void pastTheAgeLimitALaggingSlaveNoLongerHoldsTheLog() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
      }
    }
    long first = retain(90, 5, 1 << 30, Duration.ofHours(1));
    assertThat(first).isGreaterThan(6);
  }
}
