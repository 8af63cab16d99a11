package io.distdb.node.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Messages checked against PostgreSQL 15's input functions. */
class FieldParserTest {

  @Test
  void typedValues() throws Exception {
    assertThat(FieldParser.parse(FieldParser.INT4, " +42 ")).isEqualTo(42);
    assertThat(FieldParser.parse(FieldParser.INT2, "-7")).isEqualTo((short) -7);
    assertThat(FieldParser.parse(FieldParser.INT8, "9000000000")).isEqualTo(9_000_000_000L);
    assertThat(FieldParser.parse(FieldParser.NUMERIC, "1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(FieldParser.parse(FieldParser.FLOAT8, "-Infinity"))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(FieldParser.parse(FieldParser.FLOAT4, "1.5")).isEqualTo(1.5f);
    for (String t : new String[] {"t", "TRUE", "yes", "on", "1", "y"}) {
      assertThat(FieldParser.parse(FieldParser.BOOL, t)).as(t).isEqualTo(true);
    }
    for (String f : new String[] {"f", "False", "no", "off", "0", "n"}) {
      assertThat(FieldParser.parse(FieldParser.BOOL, f)).as(f).isEqualTo(false);
    }
    assertThat((byte[]) FieldParser.parse(FieldParser.BYTEA, "\\x01ff"))
        .containsExactly(1, (byte) 0xff);
    assertThat((byte[]) FieldParser.parse(FieldParser.BYTEA, "a\\\\b\\001"))
        .containsExactly('a', '\\', 'b', 1);
    assertThat(FieldParser.parse(FieldParser.UUID_OID, "{A0EEBC999C0B4EF8BB6D6BB9BD380A11}"))
        .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    assertThat(FieldParser.parse(1082, "2024-01-31")).isEqualTo("2024-01-31");
  }

  @Test
  void badValues() {
    assertBad(FieldParser.INT4, "abc", "22P02", "invalid input syntax for type integer: \"abc\"");
    assertBad(
        FieldParser.INT4,
        "99999999999",
        "22003",
        "value \"99999999999\" is out of range for type integer");
    assertBad(
        FieldParser.INT2, "40000", "22003", "value \"40000\" is out of range for type smallint");
    assertBad(
        FieldParser.BOOL, "maybe", "22P02", "invalid input syntax for type boolean: \"maybe\"");
    assertBad(FieldParser.BOOL, "o", "22P02", "invalid input syntax for type boolean: \"o\"");
    assertBad(
        FieldParser.NUMERIC, "1,5", "22P02", "invalid input syntax for type numeric: \"1,5\"");
    assertBad(
        FieldParser.FLOAT8,
        "1e",
        "22P02",
        "invalid input syntax for type double precision: \"1e\"");
    assertBad(FieldParser.UUID_OID, "xyz", "22P02", "invalid input syntax for type uuid: \"xyz\"");
    assertBad(FieldParser.BYTEA, "\\x0", "22023", "invalid hexadecimal data: odd number of digits");
    assertBad(FieldParser.BYTEA, "\\xzz", "22023", "invalid hexadecimal digit: \"z\"");
  }

  private static void assertBad(int oid, String text, String state, String message) {
    assertThatThrownBy(() -> FieldParser.parse(oid, text))
        .isInstanceOfSatisfying(
            CopyException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo(state);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}
