package io.distdb.node.pgwire.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected hex strings are PostgreSQL's typsend output (as {@code select xxx_send(value)} prints
 * it), and every binary value must decode back through {@link ParameterDecoder}.
 */
class BinaryValueWriterTest {

  private static String hex(PgType type, Object value) {
    ByteBuf buf = Unpooled.buffer();
    try {
      BinaryValueWriter.write(type, value, buf);
      return ByteBufUtil.hexDump(buf);
    } finally {
      buf.release();
    }
  }

  private static Object roundTrip(PgType type, Object value) throws Exception {
    ByteBuf buf = Unpooled.buffer();
    BinaryValueWriter.write(type, value, buf);
    byte[] bytes = ByteBufUtil.getBytes(buf);
    buf.release();
    return ParameterDecoder.decode(type.oid(), ParameterDecoder.BINARY, bytes, 0);
  }

  @Test
  void fixedWidthTypes() {
    assertThat(hex(PgType.BOOL, true)).isEqualTo("01");
    assertThat(hex(PgType.INT2, (short) -2)).isEqualTo("fffe");
    assertThat(hex(PgType.INT4, 258)).isEqualTo("00000102");
    assertThat(hex(PgType.INT8, 1L)).isEqualTo("0000000000000001");
    assertThat(hex(PgType.FLOAT4, 1.5f)).isEqualTo("3fc00000");
    assertThat(hex(PgType.FLOAT8, 1.5d)).isEqualTo("3ff8000000000000");
    assertThat(hex(PgType.BYTEA, new byte[] {1, 2})).isEqualTo("0102");
    assertThat(hex(PgType.TEXT, "ab")).isEqualTo("6162");
    assertThat(hex(PgType.UUID, UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")))
        .isEqualTo("a0eebc999c0b4ef8bb6d6bb9bd380a11");
  }

  @Test
  void datesCountFrom2000() {
    // date_send('2000-01-02') = 00000001, date_send('1999-12-31') = ffffffff
    assertThat(hex(PgType.DATE, LocalDate.of(2000, 1, 2))).isEqualTo("00000001");
    assertThat(hex(PgType.DATE, LocalDate.of(1999, 12, 31))).isEqualTo("ffffffff");
    // timestamp_send('2000-01-01 00:00:01') = 1,000,000 microseconds
    assertThat(hex(PgType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 1)))
        .isEqualTo("00000000000f4240");
    assertThat(
            hex(
                PgType.TIMESTAMPTZ,
                OffsetDateTime.of(2000, 1, 1, 2, 0, 1, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("00000000000f4240");
  }

  @ParameterizedTest
  @CsvSource({
    // value, numeric_send output: ndigits weight sign dscale digits...
    "12345.678, 0003 0001 0000 0003 0001 0929 1a7c",
    "0, 0000 0000 0000 0000",
    "0.00, 0000 0000 0000 0002",
    "-1, 0001 0000 4000 0000 0001",
    "100000, 0001 0001 0000 0000 000a",
    "0.0001, 0001 ffff 0000 0004 0001",
    "0.00001, 0001 fffe 0000 0005 03e8",
    "1.5, 0002 0000 0000 0001 0001 1388",
    "10000.0001, 0003 0001 0000 0004 0001 0000 0001"
  })
  void numericBase10000(String value, String expected) throws Exception {
    assertThat(hex(PgType.NUMERIC, new BigDecimal(value))).isEqualTo(expected.replace(" ", ""));
    assertThat(roundTrip(PgType.NUMERIC, new BigDecimal(value))).isEqualTo(new BigDecimal(value));
  }

  /** PostgreSQL 15's numeric_send of its special values: no digits, the sign says which. */
  @ParameterizedTest
  @CsvSource({
    "NaN, 0000 0000 c000 0000",
    "Infinity, 0000 0000 d000 0020",
    "-Infinity, 0000 0000 f000 0020"
  })
  void numericSpecialValues(String value, String expected) throws Exception {
    assertThat(hex(PgType.NUMERIC, value)).isEqualTo(expected.replace(" ", ""));
  }

  @Test
  void everyBinaryTypeRoundTripsThroughTheParameterDecoder() throws Exception {
    Object[][] cases = {
      {PgType.BOOL, true},
      {PgType.INT2, (short) 3},
      {PgType.INT4, -5},
      {PgType.INT8, 7L},
      {PgType.FLOAT4, 2.5f},
      {PgType.FLOAT8, -0.25d},
      {PgType.TEXT, "x"},
      {PgType.VARCHAR, "héllo"},
      {PgType.DATE, LocalDate.of(1970, 1, 1)},
      {PgType.TIMESTAMP, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)},
      {PgType.TIMESTAMPTZ, OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.UTC)},
      {PgType.UUID, UUID.randomUUID()}
    };
    for (Object[] c : cases) {
      assertThat(roundTrip((PgType) c[0], c[1])).as(c[0].toString()).isEqualTo(c[1]);
    }
    assertThat((byte[]) roundTrip(PgType.BYTEA, new byte[] {9, 8})).containsExactly(9, 8);
  }
}
