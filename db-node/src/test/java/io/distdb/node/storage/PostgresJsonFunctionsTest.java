package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PostgresJsonFunctionsTest {

  private static String text(byte[] json) {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }

  @Test
  void jsonbSortsKeysByLengthThenBytesAndKeepsTheLastDuplicate() {
    assertThat(JsonValues.jsonbText("{\"bb\":1,\"a\":[1,2.50,1e2],\"c\":{\"y\":null},\"a\":true}"))
        .isEqualTo("{\"a\": true, \"c\": {\"y\": null}, \"bb\": 1}");
    assertThat(JsonValues.jsonbText("[1.50, 1e2, -0.5, \"t\\u0009\"]"))
        .isEqualTo("[1.50, 100, -0.5, \"t\\t\"]");
    assertThat(JsonValues.jsonText("{\"b\":1,\"a\":\"x, y: z\"}"))
        .isEqualTo("{\"b\": 1, \"a\": \"x, y: z\"}");
    assertThatThrownBy(() -> JsonValues.parse("{\"a\":"))
        .hasMessageStartingWith("22P02: invalid input syntax for type json");
  }

  @Test
  void arrowsAndPaths() {
    String doc = "{\"a\": {\"b\": [10, \"x\", null]}}";
    assertThat(text(PostgresJsonFunctions.field(doc, "a"))).isEqualTo("{\"b\": [10, \"x\", null]}");
    assertThat(text(PostgresJsonFunctions.element("[1,2,3]", -1))).isEqualTo("3");
    assertThat(PostgresJsonFunctions.element(doc, 0)).isNull();
    assertThat(PostgresJsonFunctions.pathText(doc, new String[] {"{a,b,1}"})).isEqualTo("x");
    assertThat(PostgresJsonFunctions.pathText(doc, new String[] {"a", "b", "2"})).isNull();
    assertThat(PostgresJsonFunctions.fieldText("{\"n\": 1.0}", "n")).isEqualTo("1.0");
  }

  @Test
  void containmentAndExistence() {
    assertThat(PostgresJsonFunctions.contains("{\"a\": [1, 2], \"b\": 1}", "{\"a\": [2]}"))
        .isTrue();
    assertThat(PostgresJsonFunctions.contains("[1, [2, 3]]", "[[3]]")).isTrue();
    assertThat(PostgresJsonFunctions.contains("[1, 2]", "1")).isTrue();
    assertThat(PostgresJsonFunctions.contains("{\"a\": 1}", "{\"a\": 1.0}")).isTrue();
    assertThat(PostgresJsonFunctions.contains("{\"a\": {\"b\": 1}}", "{\"b\": 1}")).isFalse();
    assertThat(PostgresJsonFunctions.exists("[\"a\", 1]", "a")).isTrue();
    assertThat(PostgresJsonFunctions.existsAll("{\"a\": 1}", new String[] {"a", "b"})).isFalse();
    assertThat(PostgresJsonFunctions.existsAny("{\"a\": 1}", new String[] {"c", "a"})).isTrue();
  }

  @Test
  void jsonbOrder() {
    assertThat(PostgresJsonFunctions.compare("{}", "[1, 2, 3]")).isPositive();
    assertThat(PostgresJsonFunctions.compare("10", "9")).isPositive();
    assertThat(PostgresJsonFunctions.compare("1.0", "1")).isZero();
    assertThat(PostgresJsonFunctions.compare("\"b\"", "true")).isNegative();
    assertThat(PostgresJsonFunctions.compare("null", "\"\"")).isNegative();
    assertThat(PostgresJsonFunctions.compare("[1, 3]", "[1, 2, 0]")).isNegative();
    assertThat(PostgresJsonFunctions.compare("{\"a\": 2}", "{\"a\": 1}")).isPositive();
  }

  @Test
  void buildingAndChanging() {
    assertThat(text(PostgresJsonFunctions.buildObject("b", "1", "a", "\"x\"", "c", null)))
        .isEqualTo("{\"a\": \"x\", \"b\": 1, \"c\": null}");
    assertThat(text(PostgresJsonFunctions.concat("{\"a\": 1}", "{\"a\": 2, \"b\": 3}")))
        .isEqualTo("{\"a\": 2, \"b\": 3}");
    assertThat(text(PostgresJsonFunctions.concat("[1]", "2"))).isEqualTo("[1, 2]");
    assertThat(text(PostgresJsonFunctions.delete("{\"a\": 1, \"b\": 2}", "a")))
        .isEqualTo("{\"b\": 2}");
    assertThat(text(PostgresJsonFunctions.set("{\"a\": [1, 2]}", new String[] {"{a,0}"}, "\"z\"")))
        .isEqualTo("{\"a\": [\"z\", 2]}");
    assertThat(text(PostgresJsonFunctions.set("{\"a\": 1}", new String[] {"b"}, "2", false)))
        .isEqualTo("{\"a\": 1}");
    assertThat(PostgresJsonFunctions.typeof("null")).isEqualTo("null");
    assertThatThrownBy(() -> PostgresJsonFunctions.arrayLength("{}"))
        .hasMessage("22023: cannot get array length of a non-array");
    assertThatThrownBy(() -> PostgresJsonFunctions.buildObject("a"))
        .hasMessageStartingWith("22023: argument list must have even number of elements");
  }
}
