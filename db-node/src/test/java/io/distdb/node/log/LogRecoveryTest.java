package io.distdb.node.log;

import static io.distdb.node.log.LogTestSupport.NO_FSYNC;
import static io.distdb.node.log.LogTestSupport.RECORD_BYTES;
import static io.distdb.node.log.LogTestSupport.appendN;
import static io.distdb.node.log.LogTestSupport.assertEntries;
import static io.distdb.node.log.LogTestSupport.offsetOf;
import static io.distdb.node.log.LogTestSupport.payload;
import static io.distdb.node.log.LogTestSupport.readAll;
import static io.distdb.node.log.LogTestSupport.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRecoveryTest {

  /** Three records per segment: 16 + 3 * 64 = 208 <= 210 < 16 + 4 * 64. */
  private static final LogOptions SMALL = new LogOptions(210, false);

  @TempDir Path dir;

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x5A);
    }
  }

  private static void truncate(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
  }

  private Path writeLog(Path where, LogOptions options, int entries) throws IOException {
    try (ReplicationLog log = ReplicationLog.open(where, options)) {
      appendN(log, entries);
    }
    return where;
  }

  @Test
  void crcMismatchInTheLastSegmentTruncatesFromThatRecordOn() throws Exception {
    writeLog(dir, NO_FSYNC, 10);
    Path seg = segmentFiles(dir).get(0);
    flipByte(seg, offsetOf(4, 1) + RecordCodec.RECORD_HEADER_BYTES + 5); // inside payload of 4

    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(3);
      assertEntries(readAll(log, 1), 1, 3);
      assertThat(Files.size(seg)).isEqualTo(offsetOf(4, 1));
      assertThat(log.append(payload(4))).isEqualTo(4);
    }
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertEntries(readAll(log, 1), 1, 4);
    }
  }

  @Test
  void corruptLsnFieldCountsAsCorruption() throws Exception {
    writeLog(dir, NO_FSYNC, 5);
    flipByte(segmentFiles(dir).get(0), offsetOf(2, 1) + 12); // low byte of LSN 2
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(1);
    }
  }

  @Test
  void corruptionInANonLastSegmentRefusesToOpenAndNamesTheFile() throws Exception {
    writeLog(dir, SMALL, 10);
    List<Path> segs = segmentFiles(dir);
    assertThat(segs).hasSizeGreaterThan(2);
    Path second = segs.get(1); // LSNs 4..6
    long offset = offsetOf(5, 4);
    flipByte(second, offset + RecordCodec.RECORD_HEADER_BYTES + 1);

    assertThatThrownBy(() -> ReplicationLog.open(dir, SMALL))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(second.getFileName().toString())
        .hasMessageContaining("offset " + offset);
    assertThat(Files.size(second)).isEqualTo(offsetOf(7, 4)); // nothing was cut
  }

  @Test
  void truncatedNonLastSegmentRefusesToOpen() throws Exception {
    writeLog(dir, SMALL, 10);
    Path first = segmentFiles(dir).get(0);
    truncate(first, Files.size(first) - 3);
    assertThatThrownBy(() -> ReplicationLog.open(dir, SMALL))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(first.getFileName().toString());
  }

  @Test
  void missingMiddleSegmentIsAGap() throws Exception {
    writeLog(dir, SMALL, 10);
    Files.delete(segmentFiles(dir).get(1));
    assertThatThrownBy(() -> ReplicationLog.open(dir, SMALL))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("previous segment ends");
  }

  @Test
  void tornTailAtEveryByteOffsetKeepsExactlyTheEarlierRecords() throws Exception {
    Path pristine = writeLog(dir.resolve("pristine"), NO_FSYNC, 5);
    Path segName = segmentFiles(pristine).get(0).getFileName();
    long lastStart = offsetOf(5, 1);
    assertThat(Files.size(pristine.resolve(segName))).isEqualTo(lastStart + RECORD_BYTES);

    for (long cut = lastStart; cut < lastStart + RECORD_BYTES; cut++) {
      Path copy = Files.createDirectory(dir.resolve("cut-" + cut));
      Files.copy(pristine.resolve(segName), copy.resolve(segName));
      truncate(copy.resolve(segName), cut);

      try (ReplicationLog log = ReplicationLog.open(copy, NO_FSYNC)) {
        assertThat(log.lastLsn()).as("cut at %d", cut).isEqualTo(4);
        assertEntries(readAll(log, 1), 1, 4);
        assertThat(log.append(payload(5))).isEqualTo(5);
      }
      try (ReplicationLog log = ReplicationLog.open(copy, NO_FSYNC)) {
        assertEntries(readAll(log, 1), 1, 5);
      }
    }
  }

  @Test
  void zeroFilledTailIsCutOff() throws Exception {
    writeLog(dir, NO_FSYNC, 3);
    Path seg = segmentFiles(dir).get(0);
    try (RandomAccessFile raf = new RandomAccessFile(seg.toFile(), "rw")) {
      raf.setLength(raf.length() + 4096); // a filesystem extended the file but data never came
    }
    try (ReplicationLog log = ReplicationLog.open(dir, NO_FSYNC)) {
      assertThat(log.lastLsn()).isEqualTo(3);
      assertThat(Files.size(seg)).isEqualTo(offsetOf(4, 1));
    }
  }

  @Test
  void lastSegmentWithTornHeaderIsRecreated() throws Exception {
    writeLog(dir, SMALL, 6); // segments 1..3, 4..6
    Path tail = dir.resolve(Segment.fileName(7));
    Files.write(tail, new byte[] {0x44, 0x44}); // crash while creating the next segment
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      assertThat(log.lastLsn()).isEqualTo(6);
      assertThat(log.append(payload(7))).isEqualTo(7);
    }
    try (ReplicationLog log = ReplicationLog.open(dir, SMALL)) {
      assertEntries(readAll(log, 1), 1, 7);
    }
  }

  @Test
  void segmentWhoseHeaderDisagreesWithItsNameIsRejected() throws Exception {
    writeLog(dir, NO_FSYNC, 2);
    Files.move(segmentFiles(dir).get(0), dir.resolve(Segment.fileName(5)));
    assertThatThrownBy(() -> ReplicationLog.open(dir, NO_FSYNC))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("claims first LSN 1");
  }
}
