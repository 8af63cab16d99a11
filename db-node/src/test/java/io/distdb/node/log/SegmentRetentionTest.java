package io.distdb.node.log;

import static io.distdb.node.log.LogTestSupport.appendN;
import static io.distdb.node.log.LogTestSupport.assertEntries;
import static io.distdb.node.log.LogTestSupport.awaitAllDurable;
import static io.distdb.node.log.LogTestSupport.readAll;
import static io.distdb.node.log.LogTestSupport.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentRetentionTest {

  /** Three 64-byte records per segment. */
  private static final LogOptions SMALL = new LogOptions(210, true);

  @TempDir Path dir;

  @Test
  void rollsOverAndReadsAcrossSegments() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      appendN(log, 30);
      awaitAllDurable(log);
      assertThat(log.segmentCount()).isEqualTo(10);
      assertThat(segmentFiles(dir))
          .extracting(p -> p.getFileName().toString())
          .startsWith(Segment.fileName(1), Segment.fileName(4), Segment.fileName(7));
      assertThat(log.sizeBytes()).isEqualTo(10 * (16 + 3 * 64));
      assertEntries(readAll(log, 1), 1, 30);
      assertEntries(readAll(log, 5), 5, 30); // starts mid-segment
    }
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      assertEntries(readAll(log, 1), 1, 30);
    }
  }

  @Test
  void aRecordLargerThanASegmentGetsItsOwnSegment() throws Exception {
    byte[] big = new byte[1000];
    big[999] = 7;
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      appendN(log, 1);
      log.append(big);
      appendN(log, 1);
      awaitAllDurable(log);
      assertThat(log.segmentCount()).isEqualTo(3);
      List<LogEntry> all = readAll(log, 1);
      assertThat(all).extracting(LogEntry::lsn).containsExactly(1L, 2L, 3L);
      assertThat(all.get(1).payload()).isEqualTo(big);
    }
  }

  @Test
  void truncateBeforeDeletesWholeOldSegmentsWithoutBreakingLaterCursors() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      appendN(log, 30);
      awaitAllDurable(log);
      LogCursor ahead = log.read(20);
      assertThat(ahead.next().lsn()).isEqualTo(20);
      LogCursor behind = log.read(2);

      log.truncateBefore(14); // segments 1-3, 4-6, 7-9, 10-12 go; 13-15 holds 13 < 14
      assertThat(log.firstLsn()).isEqualTo(13);
      assertThat(log.segmentCount()).isEqualTo(6);
      assertThat(segmentFiles(dir)).hasSize(6);

      for (long lsn = 21; lsn <= 30; lsn++) {
        assertThat(ahead.next().lsn()).isEqualTo(lsn);
      }
      assertThat(ahead.next()).isNull();
      ahead.close();

      assertThatThrownBy(behind::next)
          .isInstanceOfSatisfying(
              LogTruncatedException.class, e -> assertThat(e.firstAvailableLsn()).isEqualTo(13));
      behind.close();
      assertThatThrownBy(() -> log.read(12)).isInstanceOf(LogTruncatedException.class);
      assertEntries(readAll(log, 13), 13, 30);

      log.truncateBefore(1_000); // never deletes the active segment
      assertThat(log.segmentCount()).isEqualTo(1);
      assertThat(log.firstLsn()).isEqualTo(28);
      assertThat(log.append(LogTestSupport.payload(31))).isEqualTo(31);
    }
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      assertThat(log.firstLsn()).isEqualTo(28);
      assertEntries(readAll(log, 28), 28, 31);
    }
  }

  @Test
  void cursorKeepsReadingASegmentDeletedUnderIt() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      appendN(log, 9);
      awaitAllDurable(log);
      try (LogCursor c = log.read(4)) {
        assertThat(c.next().lsn()).isEqualTo(4); // opened segment 4-6
        log.truncateBefore(7);
        assertThat(c.next().lsn()).isEqualTo(5);
        assertThat(c.next().lsn()).isEqualTo(6);
        assertThat(c.next().lsn()).isEqualTo(7);
      }
    }
  }
}
