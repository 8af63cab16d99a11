package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL 15's array_in, message and detail checked against psql for each malformed case. */
class ArrayLiteralTest {

  @Test
  void elementsQuotesEscapesAndNulls() {
    assertThat(ArrayLiteral.parse("{1,2}")).containsExactly("1", "2");
    assertThat(ArrayLiteral.parse(" { 1 , 2 } ")).containsExactly("1", "2");
    assertThat(ArrayLiteral.parse("{\"a b\", c\\,d, \"x\\\"y\", NULL, \"NULL\", \"\"}"))
        .containsExactly("a b", "c,d", "x\"y", null, "NULL", "");
    assertThat(ArrayLiteral.parse("{  a  b  }")).containsExactly("a  b");
    assertThat(ArrayLiteral.parse("{a\\ }")).containsExactly("a ");
    assertThat(ArrayLiteral.parse("{nuLL,\\NULL}")).containsExactly(null, "NULL");
    assertThat(ArrayLiteral.parse("{}")).isEmpty();
    assertThat(ArrayLiteral.parse("{ }")).isEmpty();
  }

  @Test
  void nestedBracesAndDimensionDecorations() {
    List<Object> m = ArrayLiteral.parse("{{1,2},{3,4}}");
    assertThat(m).containsExactly(List.of("1", "2"), List.of("3", "4"));
    assertThat(ArrayLiteral.dimensions(m)).isEqualTo(2);
    assertThat(ArrayLiteral.dimensions(ArrayLiteral.parse("{1}"))).isEqualTo(1);
    assertThat(ArrayLiteral.parse("[1:2]={1,2}")).containsExactly("1", "2");
    assertMalformed("[1:3]={1,2}", "Specified array dimensions do not match array contents.");
    assertThatThrownBy(() -> ArrayLiteral.parse("[0:1]={1,2}"))
        .isInstanceOfSatisfying(
            TextInputException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }

  @Test
  void malformedLiteralsFailAsPostgresqlDoes() {
    assertMalformed("abc", "Array value must start with \"{\" or dimension information.");
    assertMalformed("", "Array value must start with \"{\" or dimension information.");
    assertMalformed("{1,}", "Unexpected \"}\" character.");
    assertMalformed("{,1}", "Unexpected \",\" character.");
    assertMalformed("{1}x", "Junk after closing right brace.");
    assertMalformed("{1", "Unexpected end of input.");
    assertMalformed("{\"a", "Unexpected end of input.");
    assertMalformed("{\"a\"b}", "Unexpected array element.");
    assertMalformed("{a\"b}", "Unexpected array element.");
    assertMalformed(
        "{{1},{2,3}}", "Multidimensional arrays must have sub-arrays with matching dimensions.");
    assertMalformed("{1,{2}}", "Unexpected \"{\" character.");
    assertMalformed("{{1},2}", "Unexpected array element.");
  }

  @Test
  void elementsAreReadByTheirType() {
    assertThat(ArrayElementType.INT4.readArray("{1, -2 ,+3,NULL}")).containsExactly(1, -2, 3, null);
    assertThat(ArrayElementType.INT8.readArray("{9000000000}")).containsExactly(9_000_000_000L);
    assertThat(ArrayElementType.INT2.readArray("{7}")).containsExactly((short) 7);
    assertThat(ArrayElementType.NUMERIC.readArray("{1.50}"))
        .containsExactly(new BigDecimal("1.50"));
    assertThat(ArrayElementType.FLOAT8.readArray("{1.5,-inf,NaN}"))
        .containsExactly(1.5, Double.NEGATIVE_INFINITY, Double.NaN);
    assertThat(ArrayElementType.BOOL.readArray("{t,f,yes,off,1,0,TRUE}"))
        .containsExactly(true, false, true, false, true, false, true);
    assertThat(ArrayElementType.UUID.readArray("{A0EEBC999C0B4EF8BB6D6BB9BD380A11}"))
        .containsExactly(java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    assertThat(ArrayElementType.of("text").readArray("{\"a b\",NULL}"))
        .containsExactly("a b", null);
    assertThat(ArrayElementType.of("CHARACTER VARYING")).isEqualTo(ArrayElementType.OTHER);
    assertThat(ArrayElementType.of("INTEGER")).isEqualTo(ArrayElementType.INT4);
    assertThat(Arrays.asList(ArrayElementType.of("timestamp").readArray("{\"2020-01-01 10:00\"}")))
        .containsExactly("2020-01-01 10:00");
  }

  @Test
  void badElementsFailWithPostgresqlsMessages() {
    assertFails(
        ArrayElementType.INT4, "{1,a}", "22P02", "invalid input syntax for type integer: \"a\"");
    assertFails(
        ArrayElementType.INT4, "{1.5}", "22P02", "invalid input syntax for type integer: \"1.5\"");
    assertFails(
        ArrayElementType.INT4,
        "{99999999999}",
        "22003",
        "value \"99999999999\" is out of range for type integer");
    assertFails(
        ArrayElementType.INT2,
        "{40000}",
        "22003",
        "value \"40000\" is out of range for type smallint");
    assertFails(
        ArrayElementType.BOOL,
        "{maybe}",
        "22P02",
        "invalid input syntax for type boolean: \"maybe\"");
    assertFails(ArrayElementType.UUID, "{x}", "22P02", "invalid input syntax for type uuid: \"x\"");
    assertFails(
        ArrayElementType.NUMERIC, "{1x}", "22P02", "invalid input syntax for type numeric: \"1x\"");
    assertFails(
        ArrayElementType.INT4,
        "{{1}}",
        "0A000",
        "multidimensional arrays are not supported here: \"{{1}}\"");
  }

  private static void assertMalformed(String literal, String detail) {
    assertThatThrownBy(() -> ArrayLiteral.parse(literal))
        .isInstanceOfSatisfying(
            TextInputException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("22P02");
              assertThat(e.getMessage()).isEqualTo("malformed array literal: \"" + literal + "\"");
              assertThat(e.detail()).isEqualTo(detail);
            });
  }

  private static void assertFails(
      ArrayElementType type, String literal, String state, String message) {
    assertThatThrownBy(() -> type.readArray(literal))
        .isInstanceOfSatisfying(
            TextInputException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo(state);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}
