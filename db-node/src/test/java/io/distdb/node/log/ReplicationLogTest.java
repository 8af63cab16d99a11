package io.distdb.node.log;

import static io.distdb.node.log.LogTestSupport.NO_FSYNC;
import static io.distdb.node.log.LogTestSupport.appendN;
import static io.distdb.node.log.LogTestSupport.assertEntries;
import static io.distdb.node.log.LogTestSupport.payload;
import static io.distdb.node.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationLogTest {

  @TempDir Path dir;

  @Test
  void emptyLogStartsAtZero() throws IOException {
    try (ReplicationLog log = ReplicationLog.open(dir.resolve("new/log"), NO_FSYNC)) {
      assertThat(log.lastLsn()).isZero();
      assertThat(log.durableLsn()).isZero();
      assertThat(log.firstLsn()).isEqualTo(1);
      assertThat(log.segmentCount()).isEqualTo(1);
      assertThat(readAll(log, 1)).isEmpty();
    }
  }

  @Test
  void roundTripsManyEntriesAcrossReopen() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      appendN(log, 1000);
      log.awaitDurable(1000);
      assertEntries(readAll(log, 1), 1, 1000);
      assertEntries(readAll(log, 777), 777, 1000);
      assertThat(log.fsyncCount()).isPositive();
    }
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      assertThat(log.lastLsn()).isEqualTo(1000);
      assertThat(log.durableLsn()).isEqualTo(1000); // recovered means durable
      assertEntries(readAll(log, 1), 1, 1000);
      assertThat(log.append(payload(1001))).isEqualTo(1001); // continuity after reopen
    }
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertEntries(readAll(log, 1), 1, 1001);
    }
  }

  @Test
  void aCursorThatReadAheadSeesEntriesAppendedLaterAndEntriesLargerThanItsBuffer()
      throws Exception {
    byte[] large = new byte[SegmentCursor.READ_AHEAD_BYTES * 2 + 3];
    java.util.Arrays.fill(large, (byte) 7);
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults());
        LogCursor cursor = log.read(1)) {
      appendN(log, 10);
      log.awaitDurable(10);
      for (long lsn = 1; lsn <= 10; lsn++) {
        assertThat(cursor.next().payload()).isEqualTo(payload(lsn));
      }
      assertThat(cursor.next()).isNull(); // the read-ahead reached past what was durable
      log.append(large);
      log.append(payload(12));
      log.awaitDurable(12);
      assertThat(cursor.next().payload()).isEqualTo(large);
      assertThat(cursor.next().payload()).isEqualTo(payload(12));
      for (int i = 13; i <= 5_000; i++) {
        log.append(payload(i));
      }
      log.awaitDurable(5_000);
      for (long lsn = 13; lsn <= 5_000; lsn++) {
        LogEntry e = cursor.next();
        assertThat(e.lsn()).isEqualTo(lsn);
        assertThat(e.payload()).isEqualTo(payload(lsn));
      }
      assertThat(cursor.next()).isNull();
    }
  }

  @Test
  void followerAppendKeepsMasterLsnsAndRejectsGaps() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      log.append(1, payload(1));
      log.append(2, payload(2));
      assertThatThrownBy(() -> log.append(4, payload(4)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3")
          .hasMessageContaining("4");
      assertThatThrownBy(() -> log.append(2, payload(2)))
          .isInstanceOf(IllegalArgumentException.class);
      log.append(3, payload(3));
      log.awaitDurable(3);
      assertEntries(readAll(log, 1), 1, 3);
    }
  }

  @Test
  void resetDiscardsEntriesAndSurvivesReopen() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      appendN(log, 10);
      log.reset(500);
      assertThat(log.lastLsn()).isEqualTo(500);
      assertThat(log.durableLsn()).isEqualTo(500);
      assertThat(log.firstLsn()).isEqualTo(501);
      assertThatThrownBy(() -> log.read(5)).isInstanceOf(LogTruncatedException.class);
      assertThat(log.append(payload(501))).isEqualTo(501);
      log.awaitDurable(501);
    }
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(501);
      assertThat(log.firstLsn()).isEqualTo(501);
      assertEntries(readAll(log, 501), 501, 501);
      log.reset(7); // an empty log after reset must still remember where it is
    }
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(7);
      assertThat(log.append(payload(8))).isEqualTo(8);
    }
  }

  @Test
  void recoveryCompletesAResetInterruptedAfterItsTempSegmentWasSynced() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      appendN(log, 5);
    }
    LogDirectory.writeResetSegment(dir, 101, true); // crash right after step 1
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(100);
      assertThat(log.firstLsn()).isEqualTo(101);
    }
  }

  @Test
  void recoveryDropsAnIncompleteResetAndKeepsTheOldLog() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      appendN(log, 5);
    }
    Files.write(dir.resolve(Segment.fileName(101) + LogDirectory.RESET_SUFFIX), new byte[5]);
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(5);
      assertEntries(readAll(log, 1), 1, 5);
    }
  }

  @Test
  void cursorReturnsNullAtTheDurableEndThenSeesLaterEntries() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults());
        LogCursor cursor = log.read(1)) {
      assertThat(cursor.next()).isNull();
      appendN(log, 3);
      log.awaitDurable(3);
      assertThat(cursor.next().lsn()).isEqualTo(1);
      assertThat(cursor.next().lsn()).isEqualTo(2);
      assertThat(cursor.next().lsn()).isEqualTo(3);
      assertThat(cursor.next()).isNull();
      log.append(payload(4));
      log.awaitDurable(4);
      LogEntry e = cursor.next();
      assertThat(e.lsn()).isEqualTo(4);
      assertThat(e.payload()).isEqualTo(payload(4));
      assertThat(cursor.next()).isNull();
    }
  }

  @Test
  void whenDurableAndListenersFire() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
      log.addDurableListener(seen::set);
      long lsn = log.append(payload(1));
      assertThat(log.whenDurable(lsn).get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(lsn);
      org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> seen.get() >= lsn);
      assertThat(log.whenDurable(lsn)).isCompletedWithValue(log.durableLsn());
    }
  }

  @Test
  void readRejectsLsnsOutsideTheLog() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      appendN(log, 3);
      assertThatThrownBy(() -> log.read(5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> log.read(0))
          .isInstanceOfSatisfying(
              LogTruncatedException.class, e -> assertThat(e.firstAvailableLsn()).isEqualTo(1));
      log.read(4).close(); // the tail position is fine
    }
  }

  @Test
  void closeFlushesAndLaterCallsFail() throws Exception {
    ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults());
    appendN(log, 5);
    LogCursor cursor = log.read(1);
    log.close();
    log.close(); // idempotent
    assertThat(log.durableLsn()).isEqualTo(5);
    assertThatThrownBy(() -> log.append(payload(6))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> log.read(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> log.awaitDurable(6)).isInstanceOf(IOException.class);
    assertThat(log.whenDurable(6)).isCompletedExceptionally();
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThatThrownBy(() -> ReplicationLog.open(dir, NO_FSYNC))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use");
      assertThat(log.append(payload(1))).isEqualTo(1); // the first one is unharmed
    }
  }

  @Test
  void anInterruptedAppenderDoesNotBreakTheLog() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      Thread.currentThread().interrupt();
      try {
        log.append(payload(1)); // an NIO channel would close itself here
      } finally {
        assertThat(Thread.interrupted()).isTrue(); // flag preserved, and cleared for the test
      }
      log.append(payload(2));
      log.awaitDurable(2);
      assertEntries(readAll(log, 1), 1, 2);
    }
  }

  @Test
  void refusesDirectoriesItDoesNotOwn() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> ReplicationLog.open(dir, NO_FSYNC))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("notes.txt");

    Path file = dir.resolve("plain-file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> ReplicationLog.open(file, NO_FSYNC))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("plain-file");
  }

  @Test
  void refusesAnUnwritableDirectory() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    ro.toFile().setWritable(false, false);
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root");
    assertThatThrownBy(() -> ReplicationLog.open(ro, NO_FSYNC))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not writable");
  }
}
