package io.distdb.node.log;

import static io.distdb.node.log.LogTestSupport.NO_FSYNC;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cursor that starts in the middle of a segment skips to its LSN through many buffer refills. */
class MidSegmentCursorTest {

  @TempDir Path dir;

  /** Every 500th entry is larger than the cursor's read-ahead buffer; the others are small. */
  private static byte[] payload(long lsn) {
    int size = lsn % 500 == 0 ? SegmentCursor.READ_AHEAD_BYTES + 1_000 : 40 + (int) (lsn % 7);
    return ByteBuffer.allocate(size).putLong(lsn).array();
  }

  @Test
  void startsAtEveryKindOfPositionInASegmentOfMixedEntrySizes() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      for (long lsn = 1; lsn <= 12_000; lsn++) {
        log.append(payload(lsn));
      }
      log.awaitDurable(12_000);
      assertThat(log.segmentCount()).isEqualTo(1);
      for (long from : new long[] {1, 2, 499, 500, 501, 3_333, 9_999, 10_000, 11_999, 12_000}) {
        try (LogCursor cursor = log.read(from)) {
          for (long lsn = from; lsn < Math.min(from + 3, 12_001); lsn++) {
            LogEntry e = cursor.next();
            assertThat(e.lsn()).isEqualTo(lsn);
            assertThat(ByteBuffer.wrap(e.payload()).getLong()).isEqualTo(lsn);
            assertThat(e.payload()).hasSize(payload(lsn).length);
          }
        }
      }
    }
  }
}
