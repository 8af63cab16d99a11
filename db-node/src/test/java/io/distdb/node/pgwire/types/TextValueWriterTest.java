package io.distdb.node.pgwire.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what PostgreSQL 15 prints for the same values. */
class TextValueWriterTest {

  private static String text(PgType type, Object value) {
    ByteBuf buf = Unpooled.buffer();
    try {
      TextValueWriter.write(type, value, buf);
      return buf.toString(StandardCharsets.UTF_8);
    } finally {
      buf.release();
    }
  }

  @Test
  void scalars() {
    assertThat(text(PgType.BOOL, true)).isEqualTo("t");
    assertThat(text(PgType.BOOL, false)).isEqualTo("f");
    assertThat(text(PgType.INT2, (short) -7)).isEqualTo("-7");
    assertThat(text(PgType.INT4, 42)).isEqualTo("42");
    assertThat(text(PgType.INT8, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(text(PgType.TEXT, "héllo")).isEqualTo("héllo");
    assertThat(text(PgType.BYTEA, new byte[] {1, 2, (byte) 0xAB})).isEqualTo("\\x0102ab");
    assertThat(text(PgType.BYTEA, new byte[0])).isEqualTo("\\x");
    assertThat(text(PgType.UUID, UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")))
        .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  }

  @Test
  void timestampDigitsGrowAFullBuffer() {
    // A row's earlier values can leave the buffer exactly full: the digits must grow it.
    ByteBuf buf = Unpooled.buffer(4, 64);
    try {
      buf.writeBytes(new byte[] {'a', 'b', 'c', 'd'});
      TextValueWriter.write(PgType.TIMESTAMP, LocalDateTime.of(2026, 12, 3, 18, 39, 28), buf);
      assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("abcd2026-12-03 18:39:28");
    } finally {
      buf.release();
    }
  }

  @Test
  void int2vectorAndNamesAsPostgresPrintsThem() {
    assertThat(text(PgType.INT2VECTOR, new Object[] {1, 3})).isEqualTo("1 3");
    assertThat(text(PgType.INT2VECTOR, new Object[0])).isEqualTo("");
    assertThat(text(PgType.NAME_ARRAY, new Object[] {"email", "active"}))
        .isEqualTo("{email,active}");
  }

  @Test
  void numericIsPlain() {
    assertThat(text(PgType.NUMERIC, new BigDecimal("12345.678"))).isEqualTo("12345.678");
    assertThat(text(PgType.NUMERIC, new BigDecimal("1E+5"))).isEqualTo("100000");
    assertThat(text(PgType.NUMERIC, new BigDecimal("-0.00010"))).isEqualTo("-0.00010");
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "100, 100",
    "0.1, 0.1",
    "1e20, 1e+20",
    "1.5e-7, 1.5e-07",
    "-2.25, -2.25",
    "123456789012345, 123456789012345",
    "1e15, 1e+15",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "3.141592653589793, 3.141592653589793",
    "Infinity, Infinity",
    "-Infinity, -Infinity",
    "NaN, NaN",
    "0, 0",
    "-0.0, -0",
    "1.2345678901234567e+300, 1.2345678901234567e+300"
  })
  void float8LikePostgres(double value, String expected) {
    assertThat(text(PgType.FLOAT8, value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "100000, 100000",
    "1000000, 1e+06",
    "0.1, 0.1",
    "3.14159, 3.14159",
    "1.5e-7, 1.5e-07"
  })
  void float4LikePostgres(float value, String expected) {
    assertThat(text(PgType.FLOAT4, value)).isEqualTo(expected);
  }

  @Test
  void datesAndTimes() {
    assertThat(text(PgType.DATE, LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
    assertThat(text(PgType.DATE, LocalDate.of(5, 3, 1))).isEqualTo("0005-03-01");
    assertThat(text(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 31, 13, 45)))
        .isEqualTo("2024-01-31 13:45:00");
    assertThat(text(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 31, 13, 45, 0, 500_000_000)))
        .isEqualTo("2024-01-31 13:45:00.5");
    assertThat(text(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 31, 13, 45, 1, 123_456_000)))
        .isEqualTo("2024-01-31 13:45:01.123456");
    assertThat(
            text(
                PgType.TIMESTAMPTZ,
                OffsetDateTime.of(2024, 1, 31, 15, 45, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("2024-01-31 13:45:00+00");
    assertThat(text(PgType.TIME, LocalTime.of(13, 45))).isEqualTo("13:45:00");
    assertThat(text(PgType.TIME, LocalTime.of(13, 45, 2, 10_000))).isEqualTo("13:45:02.00001");
  }
}
