package io.distdb.node.log;

import static io.distdb.node.log.LogTestSupport.NO_FSYNC;
import static io.distdb.node.log.LogTestSupport.appendN;
import static io.distdb.node.log.LogTestSupport.assertEntries;
import static io.distdb.node.log.LogTestSupport.readAll;
import static io.distdb.node.log.LogTestSupport.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments are written into zeros ahead of their records; no reader or restart sees them. */
class SegmentPreallocationTest {

  private static final LogOptions SMALL_SEGMENTS = new LogOptions(2_000, false);

  @TempDir Path dir;

  @Test
  void theActiveSegmentGrowsAheadAndAKilledNodesRestartCutsTheZeros() throws Exception {
    Path crashed = dir.resolve("crashed");
    try (ReplicationLog log = ReplicationLog.open(dir.resolve("live"), NO_FSYNC)) {
      appendN(log, 20);
      log.awaitDurable(20);
      Path seg = segmentFiles(dir.resolve("live")).get(0);
      assertThat(Files.size(seg)).isGreaterThanOrEqualTo(Segment.PREALLOCATE_BYTES);
      // What a kill -9 leaves: the file as it is now, zeros and all.
      Files.createDirectories(crashed);
      Files.copy(seg, crashed.resolve(seg.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
    try (ReplicationLog log = ReplicationLog.open(crashed, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(20);
      assertEntries(readAll(log, 1), 1, 20);
      assertThat(log.append(LogTestSupport.payload(21))).isEqualTo(21);
    }
    try (ReplicationLog log = ReplicationLog.open(crashed, NO_FSYNC)) {
      assertEntries(readAll(log, 1), 1, 21);
    }
  }

  @Test
  void sealedAndClosedSegmentsEndAtTheirLastRecord() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL_SEGMENTS)) {
      appendN(log, 100); // many segments of ~30 records
    }
    assertThat(segmentFiles(dir)).hasSizeGreaterThan(2);
    for (Path seg : segmentFiles(dir)) {
      long records = Files.size(seg) - RecordCodec.SEGMENT_HEADER_BYTES;
      assertThat(records % LogTestSupport.RECORD_BYTES).as("%s holds records only", seg).isZero();
      assertThat(Files.size(seg)).isLessThan(Segment.PREALLOCATE_BYTES);
    }
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL_SEGMENTS)) {
      assertEntries(readAll(log, 1), 1, 100);
    }
  }
}
