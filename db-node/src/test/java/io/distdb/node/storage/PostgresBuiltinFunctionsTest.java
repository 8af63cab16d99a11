package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Values checked against PostgreSQL 15 (psql) by hand. */
class PostgresBuiltinFunctionsTest {

  @Test
  void numericDivisionHasPostgresScale() {
    assertThat(div("7.0", "2")).isEqualTo("3.5000000000000000");
    assertThat(div("1.0", "3")).isEqualTo("0.33333333333333333333");
    assertThat(div("10", "4.0")).isEqualTo("2.5000000000000000");
    assertThat(div("100.0", "7")).isEqualTo("14.2857142857142857");
    assertThat(div("-2", "3.0")).isEqualTo("-0.66666666666666666667");
    assertThatThrownBy(() -> div("1.0", "0")).hasMessageStartingWith("22012:");
  }

  private static String div(String a, String b) {
    return PostgresBuiltinFunctions.numericDiv(new BigDecimal(a), new BigDecimal(b))
        .toPlainString();
  }

  @Test
  void booleanInputAcceptsPostgresWords() {
    for (String t : new String[] {"t", "TRUE", " yes ", "y", "on", "1", "tr"}) {
      assertThat(PostgresBuiltinFunctions.boolIn(t)).as(t).isTrue();
    }
    for (String f : new String[] {"f", "false", "no", "n", "off", "of", "0"}) {
      assertThat(PostgresBuiltinFunctions.boolIn(f)).as(f).isFalse();
    }
    for (String bad : new String[] {"o", "maybe", "", "2"}) {
      assertThatThrownBy(() -> PostgresBuiltinFunctions.boolIn(bad))
          .as(bad)
          .hasMessageStartingWith("22P02:");
    }
  }

  @Test
  void similarToBecomesAnAnchoredRegex() {
    assertThat("abc").matches(PostgresBuiltinFunctions.similarRegex("a%"));
    assertThat("abc").matches(PostgresBuiltinFunctions.similarRegex("a(b|c)+"));
    assertThat("abc").doesNotMatch(PostgresBuiltinFunctions.similarRegex("a_"));
    assertThat("a.c").matches(PostgresBuiltinFunctions.similarRegex("a.c"));
    assertThat("abc").doesNotMatch(PostgresBuiltinFunctions.similarRegex("a.c"));
    assertThat("a%").matches(PostgresBuiltinFunctions.similarRegex("a\\%"));
  }

  @Test
  void encodesAndDecodesLikePostgres() {
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    assertThat(PostgresBuiltinFunctions.encode(abc, "base64")).isEqualTo("YWJj");
    assertThat(PostgresBuiltinFunctions.encode(new byte[] {0, (byte) 0xff}, "hex"))
        .isEqualTo("00ff");
    assertThat(PostgresBuiltinFunctions.encode(new byte[] {'a', 0, '\\'}, "escape"))
        .isEqualTo("a\\000\\\\");
    assertThat(PostgresBuiltinFunctions.decode("YWJj", "base64")).isEqualTo(abc);
    assertThat(PostgresBuiltinFunctions.decode("616263", "hex")).isEqualTo(abc);
    assertThat(PostgresBuiltinFunctions.decode("a\\\\b\\001", "escape"))
        .isEqualTo(new byte[] {'a', '\\', 'b', 1});
    assertThatThrownBy(() -> PostgresBuiltinFunctions.encode(abc, "rot13"))
        .hasMessageStartingWith("22023:");
    assertThat(
            PostgresBuiltinFunctions.encode(
                PostgresBuiltinFunctions.sha256(new byte[] {'a'}), "hex"))
        .isEqualTo("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
  }

  @Test
  void regularExpressionFunctions() {
    assertThat(PostgresBuiltinFunctions.regexpSplitToArray("a,b,,c", ","))
        .containsExactly("a", "b", "", "c");
    assertThat(PostgresBuiltinFunctions.regexpSplitToArray("a b", " ")).containsExactly("a", "b");
    assertThat(PostgresBuiltinFunctions.regexpCount("abcabc", "b")).isEqualTo(2);
    assertThat(PostgresBuiltinFunctions.regexpMatches("a1b2", "[0-9]", "g"))
        .isDeepEqualTo(new String[][] {{"1"}, {"2"}});
    assertThat(PostgresBuiltinFunctions.regexpMatches("a1b2", "([a-z])([0-9])"))
        .isDeepEqualTo(new String[][] {{"a", "1"}});
  }

  @Test
  void numbersAndText() {
    assertThat(PostgresBuiltinFunctions.widthBucket(bd("5"), bd("0"), bd("10"), 5)).isEqualTo(3);
    assertThat(PostgresBuiltinFunctions.widthBucket(bd("5.5"), bd("0"), bd("10"), 4)).isEqualTo(3);
    assertThat(PostgresBuiltinFunctions.widthBucket(bd("-1"), bd("0"), bd("10"), 4)).isEqualTo(0);
    assertThat(PostgresBuiltinFunctions.widthBucket(bd("10"), bd("0"), bd("10"), 4)).isEqualTo(5);
    assertThat(PostgresBuiltinFunctions.toNumber("12.5", "99.9")).isEqualTo(bd("12.5"));
    assertThat(PostgresBuiltinFunctions.toNumber("-1,234.56", "S9,999.99"))
        .isEqualTo(bd("-1234.56"));
    assertThat(PostgresBuiltinFunctions.overlay("abc", "x", 2, 1)).isEqualTo("axc");
    assertThat(PostgresBuiltinFunctions.overlay("abcdef", "XY", 3)).isEqualTo("abXYef");
  }

  @Test
  void intervals() {
    assertThat(PostgresBuiltinFunctions.makeInterval(0, 0, 0, 2, 0, 0, BigDecimal.ZERO))
        .isEqualTo("2 days");
    assertThat(PostgresBuiltinFunctions.makeInterval(1, 2, 3, 4, 5, 6, bd("7.5")))
        .isEqualTo("1 year 2 mons 25 days 05:06:07.5");
    assertThat(PostgresBuiltinFunctions.justifyHours(new PgInterval(0, 0, 36 * 3_600_000_000L)))
        .hasToString("1 day 12:00:00");
    assertThat(PostgresBuiltinFunctions.justifyDays(new PgInterval(0, 35, 0)))
        .hasToString("1 mon 5 days");
  }

  @Test
  void timestampSeries() {
    LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
    assertThat(
            PostgresBuiltinFunctions.generateSeries(
                start, start.plusDays(2), org.h2.api.Interval.ofDays(1)))
        .containsExactly(start, start.plusDays(1), start.plusDays(2));
  }

  @Test
  void overflowNamesTheType() {
    assertThat(H2ErrorTranslator.outOfRange("2147483648")).isEqualTo("integer out of range");
    assertThat(H2ErrorTranslator.outOfRange("32768")).isEqualTo("smallint out of range");
    assertThat(H2ErrorTranslator.outOfRange("9223372036854775807"))
        .isEqualTo("bigint out of range");
    assertThat(H2ErrorTranslator.outOfRange("1.5e400"))
        .isEqualTo("value \"1.5e400\" is out of range");
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }
}
