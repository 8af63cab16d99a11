package io.distdb.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCodecTest {

  @TempDir Path dir;

  private RecordCodec.Read decode(byte[] bytes) throws IOException {
    Path f = dir.resolve("rec");
    Files.write(f, bytes);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      return RecordCodec.read(ch, 0, ch.size());
    }
  }

  @Test
  void roundTripsARecordWithTheDocumentedLayout() throws IOException {
    byte[] payload = {1, 2, 3};
    ByteBuffer rec = RecordCodec.encode(42, payload);
    assertThat(rec.remaining()).isEqualTo(16 + 3);
    assertThat(rec.getInt(0)).isEqualTo(3);
    assertThat(rec.getInt(4)).isEqualTo(RecordCodec.crc(42, payload));
    assertThat(rec.getLong(8)).isEqualTo(42);

    RecordCodec.Read r = decode(rec.array());
    assertThat(r.status()).isEqualTo(RecordCodec.Status.OK);
    assertThat(r.entry().lsn()).isEqualTo(42);
    assertThat(r.entry().payload()).containsExactly(1, 2, 3);
    assertThat(r.nextOffset()).isEqualTo(19);
  }

  @Test
  void emptyPayloadIsAValidRecord() throws IOException {
    RecordCodec.Read r = decode(RecordCodec.encode(7, new byte[0]).array());
    assertThat(r.status()).isEqualTo(RecordCodec.Status.OK);
    assertThat(r.entry().payload()).isEmpty();
  }

  @Test
  void crcCoversTheLsn() throws IOException {
    byte[] bytes = RecordCodec.encode(5, new byte[] {9}).array();
    ByteBuffer.wrap(bytes).putLong(8, 6); // same payload, different LSN
    RecordCodec.Read r = decode(bytes);
    assertThat(r.status()).isEqualTo(RecordCodec.Status.CORRUPT);
    assertThat(r.problem()).contains("CRC");
  }

  @Test
  void classifiesDamage() throws IOException {
    byte[] ok = RecordCodec.encode(1, new byte[] {1, 2, 3, 4}).array();

    assertThat(decode(new byte[0]).status()).isEqualTo(RecordCodec.Status.END);
    assertThat(decode(java.util.Arrays.copyOf(ok, 10)).status()).isEqualTo(RecordCodec.Status.TORN);
    assertThat(decode(java.util.Arrays.copyOf(ok, 18)).status()).isEqualTo(RecordCodec.Status.TORN);
    assertThat(decode(new byte[32]).problem()).contains("zero-filled");

    byte[] huge = ok.clone();
    ByteBuffer.wrap(huge).putInt(0, RecordCodec.MAX_PAYLOAD_BYTES + 1);
    RecordCodec.Read r = decode(huge);
    assertThat(r.status()).isEqualTo(RecordCodec.Status.CORRUPT);
    assertThat(r.problem()).contains("implausible record length");

    byte[] negative = ok.clone();
    ByteBuffer.wrap(negative).putInt(0, -1);
    assertThat(decode(negative).status()).isEqualTo(RecordCodec.Status.CORRUPT);
  }

  @Test
  void rejectsOversizedPayloadsOnEncode() {
    assertThatThrownBy(() -> RecordCodec.encode(1, new byte[RecordCodec.MAX_PAYLOAD_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void segmentHeaderIsValidated() {
    ByteBuffer h = RecordCodec.encodeSegmentHeader(17);
    assertThat(h.remaining()).isEqualTo(RecordCodec.SEGMENT_HEADER_BYTES);
    assertThatThrownBy(
            () ->
                RecordCodec.decodeSegmentHeader(
                    ByteBuffer.allocate(16).putInt(0xCAFE).putInt(1).putLong(1).flip(), "x.log"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("x.log");
  }

  @Test
  void segmentFileNamesSortByLsn() {
    assertThat(Segment.fileName(1)).isEqualTo("00000000000000000001.log");
    assertThat(Segment.fileName(9).compareTo(Segment.fileName(10))).isNegative();
    assertThat(Segment.parseFileName("00000000000000000123.log")).isEqualTo(123);
    assertThat(Segment.parseFileName("123.log")).isEqualTo(-1);
  }
}
