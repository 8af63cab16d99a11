package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueInteger;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;
import org.junit.jupiter.api.Test;

/** Expected texts are what PostgreSQL 15 prints for the same calls. */
class PostgresJsonTextFunctionsTest {

  private static String text(Object json) {
    return json == null ? null : new String((byte[]) json, StandardCharsets.UTF_8);
  }

  private static Value s(String v) {
    return ValueVarchar.get(v);
  }

  private static Value json(String v) {
    return ValueJson.fromJson(v);
  }

  @Test
  void jsonBuildObjectSpacesLikePostgresJson() {
    assertThat(
            PostgresJsonTextFunctions.buildObject(
                "kvkvkvkv",
                s("a"),
                ValueInteger.get(1),
                s("b"),
                s("x"),
                s("c"),
                ValueNull.INSTANCE,
                s("d"),
                ValueBoolean.TRUE))
        .isEqualTo("{\"a\" : 1, \"b\" : \"x\", \"c\" : null, \"d\" : true}");
    assertThat(PostgresJsonTextFunctions.buildObject("kr", s("o"), s("{\"p\" : 1}")))
        .isEqualTo("{\"o\" : {\"p\" : 1}}");
    assertThat(PostgresJsonTextFunctions.buildObject("kv", s("j"), json("{\"b\":1,\"a\":[1,2]}")))
        .isEqualTo("{\"j\" : {\"b\": 1, \"a\": [1, 2]}}");
    assertThat(PostgresJsonTextFunctions.buildObject("")).isEqualTo("{}");
    assertThatThrownBy(
            () -> PostgresJsonTextFunctions.buildObject("kv", ValueNull.INSTANCE, s("1")))
        .hasMessage("22004: null value not allowed for object key");
    assertThatThrownBy(() -> PostgresJsonTextFunctions.buildObject("k", s("a")))
        .hasMessageStartingWith("22023: argument list must have even number of elements");
    assertThat(PostgresJsonTextFunctions.buildArray("vvr", ValueInteger.get(1), s("two"), s("[3]")))
        .isEqualTo("[1, \"two\", [3]]");
  }

  @Test
  void jsonAggSeparatesValuesAndPutsRowsOnLines() {
    assertThat(
            PostgresJsonTextFunctions.agg(
                "v",
                ValueArray.get(
                    new Value[] {ValueInteger.get(1), ValueInteger.get(2), ValueNull.INSTANCE},
                    null)))
        .isEqualTo("[1, 2, null]");
    assertThat(
            PostgresJsonTextFunctions.agg(
                "c", ValueArray.get(new Value[] {s("{\"a\":1}"), s("{\"a\":2}")}, null)))
        .isEqualTo("[{\"a\":1}, \n {\"a\":2}]");
    assertThat(PostgresJsonTextFunctions.agg("v", ValueNull.INSTANCE)).isNull();
  }

  @Test
  void rowToJsonIsCompact() {
    assertThat(
            PostgresJsonTextFunctions.rowToJson(
                new String[] {"id", "name", "doc"},
                ValueInteger.get(1),
                s("a"),
                json("{\"k\":[1]}")))
        .isEqualTo("{\"id\":1,\"name\":\"a\",\"doc\":{\"k\": [1]}}");
  }

  @Test
  void stripNullsRemovesNullFieldsAtEveryDepthButNotArrayElements() {
    assertThat(
            text(
                PostgresJsonTextFunctions.stripNulls(
                    "{\"a\": null, \"b\": {\"c\": null, \"d\": 1}, \"e\": [null]}")))
        .isEqualTo("{\"b\": {\"d\": 1}, \"e\": [null]}");
  }

  @Test
  void prettyIndentsByFourSpaces() {
    assertThat(PostgresJsonTextFunctions.pretty("{\"a\": [1, {\"b\": null}], \"c\": {}}"))
        .isEqualTo(
            "{\n    \"a\": [\n        1,\n        {\n            \"b\": null\n        }\n    ],\n"
                + "    \"c\": {\n    }\n}");
    assertThat(PostgresJsonTextFunctions.pretty("1")).isEqualTo("1");
  }

  @Test
  void setReturningFunctionsAnswerArrays() {
    String doc = "{\"b\": 2, \"a\": {\"x\": \"y\"}, \"n\": null}";
    assertThat(PostgresJsonTextFunctions.eachKeys(doc)).containsExactly("b", "a", "n");
    assertThat(Arrays.stream(PostgresJsonTextFunctions.eachValues(doc)).map(v -> text(v)))
        .containsExactly("2", "{\"x\": \"y\"}", "null");
    assertThat(PostgresJsonTextFunctions.eachTexts(doc))
        .containsExactly("2", "{\"x\": \"y\"}", null);
    assertThat(PostgresJsonTextFunctions.elementsText("[1, \"x\", null]"))
        .containsExactly("1", "x", null);
    assertThat(PostgresJsonTextFunctions.keys(doc)).containsExactly("b", "a", "n");
    assertThatThrownBy(() -> PostgresJsonTextFunctions.eachKeys("[1]"))
        .hasMessage("22023: cannot call jsonb_each on a non-object");
    assertThatThrownBy(() -> PostgresJsonTextFunctions.elements("{}"))
        .hasMessage("22023: cannot extract elements from an object");
    assertThatThrownBy(() -> PostgresJsonTextFunctions.keys("[1]"))
        .hasMessage("22023: cannot call jsonb_object_keys on an array");
  }
}
