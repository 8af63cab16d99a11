package io.distdb.node.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers for the log tests. */
final class LogTestSupport {

  /** Fixed-size payloads make file offsets computable: every record is 16 + 48 bytes. */
  static final int PAYLOAD_BYTES = 48;

  static final int RECORD_BYTES = RecordCodec.RECORD_HEADER_BYTES + PAYLOAD_BYTES;

  /** fsync off: recovery and framing behave the same, and tests stay fast on a shared disk. */
  static final LogOptions NO_FSYNC = new LogOptions(64L << 20, false);

  private LogTestSupport() {}

  static byte[] payload(long lsn) {
    byte[] b = new byte[PAYLOAD_BYTES];
    byte[] text = ("entry-" + lsn).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, b, 0, text.length);
    for (int i = text.length; i < b.length; i++) {
      b[i] = (byte) (lsn * 31 + i);
    }
    return b;
  }

  /** File offset of the record with this LSN in a segment whose first LSN is base. */
  static long offsetOf(long lsn, long base) {
    return RecordCodec.SEGMENT_HEADER_BYTES + (lsn - base) * RECORD_BYTES;
  }

  static void appendN(ReplicationLog log, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      long lsn = log.append(payload(log.lastLsn() + 1));
      assertThat(lsn).isEqualTo(log.lastLsn());
    }
  }

  /** Reads everything currently durable from fromLsn. */
  static List<LogEntry> readAll(ReplicationLog log, long fromLsn) throws IOException {
    List<LogEntry> out = new ArrayList<>();
    try (LogCursor c = log.read(fromLsn)) {
      LogEntry e;
      while ((e = c.next()) != null) {
        out.add(e);
      }
    }
    return out;
  }

  /** Asserts entries are exactly from..to, in order, with the expected payloads. */
  static void assertEntries(List<LogEntry> entries, long from, long to) {
    assertThat(entries).hasSize((int) (to - from + 1));
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).lsn()).isEqualTo(from + i);
      assertThat(entries.get(i).payload()).isEqualTo(payload(from + i));
    }
  }

  static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  static void awaitAllDurable(ReplicationLog log) throws Exception {
    log.awaitDurable(log.lastLsn());
  }
}
