package io.distdb.node.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;

/**
 * PostgreSQL's {@code json} (not jsonb) builders, whose text the client sees as PostgreSQL prints
 * it ({@code json_build_object} writes {@code {"a" : 1}}, {@code row_to_json} {@code {"a":1}},
 * {@code json_agg} {@code [1, 2]}), jsonb's {@code jsonb_strip_nulls} and {@code jsonb_pretty}, and
 * the arrays behind the set-returning {@code jsonb_each} family (the dialect unnests them in FROM).
 * The builders return the json text as a character string, which the dialect declares with {@code
 * JsonRewrite.JSON_TEXT_LENGTH} so that the session reports it as json (114) and prints it as is.
 *
 * <p>Each builder takes the engine's values ({@link Value}, so that a string, a boolean and a
 * number stay apart) after a string of argument kinds: {@code v} a value, {@code r} the text of a
 * json value another builder made (kept as it is, as PostgreSQL keeps a json argument's text),
 * {@code k} an object key. Pure and deterministic like {@link PostgresFunctions}; errors carry
 * PostgreSQL's SQLSTATE.
 */
public final class PostgresJsonTextFunctions {

  /** SQL name → Java method, installed by {@link EngineFunctions}. */
  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("json_build_object", "buildObject"),
          Map.entry("json_build_array", "buildArray"),
          Map.entry("json_agg", "agg"),
          Map.entry("row_to_json", "rowToJson"),
          Map.entry("jsonb_strip_nulls", "stripNulls"),
          Map.entry("jsonb_pretty", "pretty"),
          Map.entry("jsonb_each_keys", "eachKeys"),
          Map.entry("jsonb_each_values", "eachValues"),
          Map.entry("jsonb_each_texts", "eachTexts"),
          Map.entry("jsonb_elements", "elements"),
          Map.entry("jsonb_elements_text", "elementsText"),
          Map.entry("jsonb_keys", "keys"));

  private PostgresJsonTextFunctions() {}

  /** {@code json_build_object(k1, v1, ...)}: {@code {"k1" : v1, "k2" : v2}}. */
  public static String buildObject(String kinds, Value... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("22023: argument list must have even number of elements");
    }
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < args.length; i += 2) {
      if (isNull(args[i])) {
        throw new IllegalArgumentException("22004: null value not allowed for object key");
      }
      out.append(i == 0 ? "" : ", ").append(JsonValues.quote(args[i].getString())).append(" : ");
      out.append(value(kinds.charAt(i + 1), args[i + 1]));
    }
    return out.append('}').toString();
  }

  /** {@code json_build_array(v1, ...)}: {@code [v1, v2]}. */
  public static String buildArray(String kinds, Value... args) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < args.length; i++) {
      out.append(i == 0 ? "" : ", ").append(value(kinds.charAt(i), args[i]));
    }
    return out.append(']').toString();
  }

  /**
   * {@code json_agg(v)} over the engine's {@code ARRAY_AGG}: {@code [1, 2]}; rows ({@code kind}
   * {@code c}, from {@code row_to_json}) one to a line, {@code [{"a":1}, \n {"a":2}]}.
   */
  public static String agg(String kind, Value values) {
    if (isNull(values)) {
      return null;
    }
    char k = kind.charAt(0);
    Value[] list = ((ValueArray) values).getList();
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < list.length; i++) {
      if (i > 0) {
        out.append(k == 'c' && !isNull(list[i]) ? ", \n " : ", ");
      }
      out.append(value(k == 'c' ? 'r' : k, list[i]));
    }
    return out.append(']').toString();
  }

  /** {@code row_to_json(t)}: the row's columns in order, {@code {"a":1,"b":"x"}}. */
  public static String rowToJson(String[] names, Value... values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      out.append(i == 0 ? "" : ",").append(JsonValues.quote(names[i])).append(':');
      out.append(value('v', values[i]));
    }
    return out.append('}').toString();
  }

  /** {@code jsonb_strip_nulls(j)}: object fields whose value is null removed, at every depth. */
  public static byte[] stripNulls(String json) {
    if (json == null) {
      return null;
    }
    JsonNode root = JsonValues.parse(json);
    strip(root);
    return JsonValues.bytes(root);
  }

  /** {@code jsonb_pretty(j)}: four spaces per level, one element or field to a line. */
  public static String pretty(String json) {
    if (json == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    pretty(JsonValues.parse(json), 0, out);
    return out.toString();
  }

  /** The keys of {@code jsonb_each(j)} / {@code json_each(j)}, in the object's order. */
  public static String[] eachKeys(String json) {
    JsonNode node = object(json, "jsonb_each");
    if (node == null) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys.toArray(String[]::new);
  }

  /** The values of {@code jsonb_each(j)}, as JSON documents (bytes the engine parses). */
  public static byte[][] eachValues(String json) {
    JsonNode node = object(json, "jsonb_each");
    if (node == null) {
      return null;
    }
    List<byte[]> values = new ArrayList<>();
    node.elements().forEachRemaining(v -> values.add(JsonValues.bytes(v)));
    return values.toArray(byte[][]::new); // binary elements: the engine parses them as JSON
  }

  /** The values of {@code jsonb_each_text(j)}: strings unquoted, JSON null as SQL null. */
  public static String[] eachTexts(String json) {
    JsonNode node = object(json, "jsonb_each_text");
    if (node == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    node.elements().forEachRemaining(v -> values.add(text(v)));
    return values.toArray(String[]::new);
  }

  /** {@code jsonb_array_elements(j)}: the elements as JSON documents. */
  public static byte[][] elements(String json) {
    JsonNode node = array(json);
    if (node == null) {
      return null;
    }
    List<byte[]> values = new ArrayList<>();
    node.elements().forEachRemaining(v -> values.add(JsonValues.bytes(v)));
    return values.toArray(byte[][]::new);
  }

  /** {@code jsonb_array_elements_text(j)}. */
  public static String[] elementsText(String json) {
    JsonNode node = array(json);
    if (node == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    node.elements().forEachRemaining(v -> values.add(text(v)));
    return values.toArray(String[]::new);
  }

  /** {@code jsonb_object_keys(j)}. */
  public static String[] keys(String json) {
    if (json == null) {
      return null;
    }
    JsonNode node = JsonValues.parse(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "22023: cannot call jsonb_object_keys on " + (node.isArray() ? "an array" : "a scalar"));
    }
    return eachKeys(json);
  }

  /**
   * One argument as PostgreSQL's {@code to_json} writes it: null, booleans and numbers bare,
   * strings quoted, timestamps in ISO 8601, arrays as JSON arrays, a jsonb value with jsonb's
   * spacing, json text another builder made ({@code kind} {@code r}) as it is.
   */
  private static String value(char kind, Value v) {
    if (isNull(v)) {
      return "null";
    }
    if (kind == 'r') {
      return v.getString();
    }
    return switch (v.getValueType()) {
      case Value.BOOLEAN -> v.getBoolean() ? "true" : "false";
      case Value.TINYINT,
          Value.SMALLINT,
          Value.INTEGER,
          Value.BIGINT,
          Value.NUMERIC,
          Value.DECFLOAT,
          Value.REAL,
          Value.DOUBLE ->
          v.getString();
      case Value.JSON -> {
        String text = v.getString();
        yield text.startsWith("{") || text.startsWith("[") ? JsonValues.jsonText(text) : text;
      }
      case Value.ARRAY -> {
        StringBuilder out = new StringBuilder("[");
        Value[] list = ((ValueArray) v).getList();
        for (int i = 0; i < list.length; i++) {
          out.append(i == 0 ? "" : ",").append(value('v', list[i]));
        }
        yield out.append(']').toString();
      }
      case Value.TIMESTAMP, Value.TIMESTAMP_TZ -> JsonValues.quote(isoTimestamp(v.getString()));
      default -> JsonValues.quote(v.getString());
    };
  }

  /** {@code 2024-01-02 03:04:05+00} → {@code 2024-01-02T03:04:05+00:00}, as json prints it. */
  private static String isoTimestamp(String engineText) {
    String iso = engineText.replaceFirst(" ", "T");
    return iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
  }

  private static boolean isNull(Value v) {
    return v == null || v == ValueNull.INSTANCE;
  }

  private static String text(JsonNode v) {
    return v.isNull() ? null : v.isTextual() ? v.textValue() : JsonValues.jsonb(v);
  }

  private static JsonNode object(String json, String function) {
    if (json == null) {
      return null;
    }
    JsonNode node = JsonValues.parse(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException("22023: cannot call " + function + " on a non-object");
    }
    return node;
  }

  private static JsonNode array(String json) {
    if (json == null) {
      return null;
    }
    JsonNode node = JsonValues.parse(json);
    if (!node.isArray()) {
      throw new IllegalArgumentException(
          "22023: cannot extract elements from " + (node.isObject() ? "an object" : "a scalar"));
    }
    return node;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isNull()) {
          fields.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.elements().forEachRemaining(PostgresJsonTextFunctions::strip);
    }
  }

  private static void pretty(JsonNode node, int depth, StringBuilder out) {
    if (!node.isContainerNode()) {
      out.append(JsonValues.jsonb(node));
      return;
    }
    boolean object = node.isObject();
    if (node.isEmpty()) {
      out.append(object ? "{\n" + indent(depth) + "}" : "[\n" + indent(depth) + "]");
      return;
    }
    out.append(object ? '{' : '[');
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    Iterator<JsonNode> elements = node.elements();
    boolean first = true;
    while (object ? fields.hasNext() : elements.hasNext()) {
      out.append(first ? "\n" : ",\n").append(indent(depth + 1));
      first = false;
      JsonNode child;
      if (object) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(JsonValues.quote(field.getKey())).append(": ");
        child = field.getValue();
      } else {
        child = elements.next();
      }
      pretty(child, depth + 1, out);
    }
    out.append('\n').append(indent(depth)).append(object ? '}' : ']');
  }

  private static String indent(int depth) {
    return "    ".repeat(depth);
  }
}
