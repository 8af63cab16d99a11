package io.distdb.node.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * jsonb's operators and functions, which H2 lacks, as static Java the engine calls through aliases
 * in {@code distdb_catalog} (the dialect turns {@code j -> 'a'} into {@code
 * CAST(distdb_catalog.jsonb_field(j, 'a') AS JSON)}). JSON arguments arrive as their text (the
 * engine's JSON type converts to a character string that way); JSON results leave as UTF-8 bytes,
 * which the engine parses back into its JSON type. Strict, pure and deterministic like {@link
 * PostgresFunctions}; errors carry PostgreSQL's SQLSTATE at the start of the message.
 *
 * <p>This class is one of those the engine may load (see {@link EngineHardening}): it must never
 * touch files, the network, threads or state.
 */
public final class PostgresJsonFunctions {

  /** SQL name → Java method, installed by {@link EngineFunctions}. */
  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("jsonb_in", "jsonbIn"),
          Map.entry("json_in", "jsonIn"),
          Map.entry("jsonb_out", "jsonbOut"),
          Map.entry("jsonb_field", "field"),
          Map.entry("jsonb_field_text", "fieldText"),
          Map.entry("jsonb_element", "element"),
          Map.entry("jsonb_element_text", "elementText"),
          Map.entry("jsonb_path", "path"),
          Map.entry("jsonb_path_text", "pathText"),
          Map.entry("jsonb_contains", "contains"),
          Map.entry("jsonb_compare", "compare"),
          Map.entry("jsonb_exists", "exists"),
          Map.entry("jsonb_exists_any", "existsAny"),
          Map.entry("jsonb_exists_all", "existsAll"),
          Map.entry("jsonb_concat", "concat"),
          Map.entry("jsonb_delete", "delete"),
          Map.entry("jsonb_delete_index", "deleteIndex"),
          Map.entry("jsonb_build_object", "buildObject"),
          Map.entry("jsonb_build_array", "buildArray"),
          Map.entry("jsonb_agg", "agg"),
          Map.entry("jsonb_object_agg", "objectAgg"),
          Map.entry("jsonb_set", "set"),
          Map.entry("jsonb_typeof", "typeof"),
          Map.entry("jsonb_array_length", "arrayLength"),
          Map.entry("jsonb_extract_path", "extractPath"),
          Map.entry("jsonb_extract_path_text", "extractPathText"));

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private PostgresJsonFunctions() {}

  /** {@code text::jsonb}: parsed and normalized. */
  public static byte[] jsonbIn(String text) {
    return text == null ? null : JsonValues.bytes(JsonValues.parse(text));
  }

  /** {@code text::json}: validated; the engine keeps key order and duplicates. */
  public static byte[] jsonIn(String text) {
    if (text == null) {
      return null;
    }
    JsonValues.parse(text);
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code jsonb::text}: PostgreSQL's output form. */
  public static String jsonbOut(String json) {
    return json == null ? null : JsonValues.jsonbText(json);
  }

  /** {@code j -> 'key'}: the field's value, null unless j is an object with that key. */
  public static byte[] field(String json, String key) {
    return bytesOf(fieldNode(json, key));
  }

  /** {@code j ->> 'key'}. */
  public static String fieldText(String json, String key) {
    return textOf(fieldNode(json, key));
  }

  /** {@code j -> n}: the array element (negative counts from the end). */
  public static byte[] element(String json, Integer index) {
    return bytesOf(elementNode(json, index));
  }

  /** {@code j ->> n}. */
  public static String elementText(String json, Integer index) {
    return textOf(elementNode(json, index));
  }

  /** {@code j #> '{a,0}'} or {@code j #> ARRAY['a', '0']} (Django writes the latter). */
  public static byte[] path(String json, String[] path) {
    return json == null || path == null ? null : bytesOf(at(parse(json), TextArray.path(path)));
  }

  /** {@code j #>> '{a,0}'}. */
  public static String pathText(String json, String[] path) {
    return json == null || path == null ? null : textOf(at(parse(json), TextArray.path(path)));
  }

  /** {@code a @> b}. */
  public static Boolean contains(String a, String b) {
    return a == null || b == null ? null : JsonContainment.contains(parse(a), parse(b), true);
  }

  /**
   * jsonb's comparison operators: negative, zero or positive as a sorts before, with or after b.
   */
  public static Integer compare(String a, String b) {
    return a == null || b == null ? null : JsonOrder.compare(parse(a), parse(b));
  }

  /** {@code j ? 'key'}: a top-level key, or a string element of a top-level array. */
  public static Boolean exists(String json, String key) {
    return json == null || key == null ? null : hasKey(parse(json), key);
  }

  /** {@code j ?| array[...]}. */
  public static Boolean existsAny(String json, String[] keys) {
    if (json == null || keys == null) {
      return null;
    }
    JsonNode node = parse(json);
    for (String k : keys) {
      if (k != null && hasKey(node, k)) {
        return true;
      }
    }
    return false;
  }

  /** {@code j ?& array[...]}. */
  public static Boolean existsAll(String json, String[] keys) {
    if (json == null || keys == null) {
      return null;
    }
    JsonNode node = parse(json);
    for (String k : keys) {
      if (k != null && !hasKey(node, k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code a || b}: objects merge (b's keys win); anything else concatenates as arrays. */
  public static byte[] concat(String a, String b) {
    if (a == null || b == null) {
      return null;
    }
    JsonNode left = parse(a);
    JsonNode right = parse(b);
    if (left.isObject() && right.isObject()) {
      ObjectNode merged = ((ObjectNode) left).deepCopy();
      merged.setAll((ObjectNode) right);
      return JsonValues.bytes(merged);
    }
    ArrayNode out = NODES.arrayNode();
    appendAll(out, left);
    appendAll(out, right);
    return JsonValues.bytes(out);
  }

  /** {@code j - 'key'}: without the key, or without the array's string elements equal to it. */
  public static byte[] delete(String json, String key) {
    if (json == null || key == null) {
      return null;
    }
    JsonNode node = parse(json);
    if (node.isObject()) {
      ((ObjectNode) node).remove(key);
    } else if (node.isArray()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        JsonNode e = it.next();
        if (e.isTextual() && e.textValue().equals(key)) {
          it.remove();
        }
      }
    } else {
      throw new IllegalArgumentException("22023: cannot delete from scalar");
    }
    return JsonValues.bytes(node);
  }

  /** {@code j - n}: without the array element at n (negative counts from the end). */
  public static byte[] deleteIndex(String json, Integer index) {
    if (json == null || index == null) {
      return null;
    }
    JsonNode node = parse(json);
    if (node.isObject()) {
      throw new IllegalArgumentException("22023: cannot delete from object using integer index");
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("22023: cannot delete from scalar");
    }
    int i = index < 0 ? node.size() + index : index;
    if (i >= 0 && i < node.size()) {
      ((ArrayNode) node).remove(i);
    }
    return JsonValues.bytes(node);
  }

  /**
   * {@code jsonb_build_object(k1, v1, ...)}: keys as text, values as JSON text (the dialect casts
   * each value to JSON), a null value as JSON null.
   */
  public static byte[] buildObject(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("22023: argument list must have even number of elements");
    }
    ObjectNode out = NODES.objectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = keysAndValues[i];
      if (key == null) {
        throw new IllegalArgumentException("22004: argument " + (i + 1) + ": key must not be null");
      }
      out.set(key, valueOf(keysAndValues[i + 1]));
    }
    return JsonValues.bytes(out);
  }

  /** {@code jsonb_build_array(v1, ...)}. */
  public static byte[] buildArray(String... values) {
    ArrayNode out = NODES.arrayNode();
    for (String v : values) {
      out.add(valueOf(v));
    }
    return JsonValues.bytes(out);
  }

  /** {@code jsonb_agg(v)}, over the engine's {@code ARRAY_AGG(CAST(v AS JSON))}. */
  public static byte[] agg(String[] values) {
    return values == null ? null : buildArray(values);
  }

  /** {@code jsonb_object_agg(k, v)}, over two {@code ARRAY_AGG}s of the same rows. */
  public static byte[] objectAgg(String[] keys, String[] values) {
    if (keys == null || values == null) {
      return null;
    }
    ObjectNode out = NODES.objectNode();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == null) {
        throw new IllegalArgumentException("22004: field name must not be null");
      }
      out.set(keys[i], valueOf(values[i]));
    }
    return JsonValues.bytes(out);
  }

  /** {@code jsonb_set(target, path, value)}, creating a missing last key. */
  public static byte[] set(String target, String[] path, String value) {
    return set(target, path, value, true);
  }

  /** {@code jsonb_set(target, path, value, create_missing)}. */
  public static byte[] set(String target, String[] path, String value, Boolean createMissing) {
    if (target == null || path == null || value == null || createMissing == null) {
      return null;
    }
    JsonNode root = parse(target);
    List<String> keys = TextArray.path(path);
    if (root.isObject() || root.isArray()) {
      JsonSet.set(root, keys, parse(value), createMissing);
    } else if (!keys.isEmpty()) {
      throw new IllegalArgumentException("22023: cannot set path in scalar");
    }
    return JsonValues.bytes(root);
  }

  public static String typeof(String json) {
    if (json == null) {
      return null;
    }
    return switch (parse(json).getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> "null";
    };
  }

  public static Integer arrayLength(String json) {
    if (json == null) {
      return null;
    }
    JsonNode node = parse(json);
    if (node.isArray()) {
      return node.size();
    }
    throw new IllegalArgumentException(
        "22023: cannot get array length of a " + (node.isObject() ? "non-array" : "scalar"));
  }

  /** {@code jsonb_extract_path(j, VARIADIC keys)}, like {@code #>}. */
  public static byte[] extractPath(String json, String... keys) {
    return json == null ? null : bytesOf(at(parse(json), nonNull(keys)));
  }

  public static String extractPathText(String json, String... keys) {
    return json == null ? null : textOf(at(parse(json), nonNull(keys)));
  }

  private static List<String> nonNull(String[] keys) {
    List<String> out = new ArrayList<>(keys.length);
    for (String k : keys) {
      out.add(k);
    }
    return out;
  }

  private static JsonNode parse(String json) {
    return JsonValues.parse(json);
  }

  private static JsonNode valueOf(String jsonText) {
    return jsonText == null ? NODES.nullNode() : parse(jsonText);
  }

  private static JsonNode fieldNode(String json, String key) {
    if (json == null || key == null) {
      return null;
    }
    JsonNode node = parse(json);
    return node.isObject() ? node.get(key) : null;
  }

  private static JsonNode elementNode(String json, Integer index) {
    if (json == null || index == null) {
      return null;
    }
    JsonNode node = parse(json);
    if (!node.isArray()) {
      return null;
    }
    int i = index < 0 ? node.size() + index : index;
    return i >= 0 && i < node.size() ? node.get(i) : null;
  }

  /** The value at a path of keys and array positions, null if any step is missing. */
  static JsonNode at(JsonNode node, List<String> path) {
    JsonNode current = node;
    for (String step : path) {
      if (current == null || step == null) {
        return null;
      }
      if (current.isObject()) {
        current = current.get(step);
      } else if (current.isArray()) {
        Integer i = TextArray.index(step);
        if (i == null) {
          return null;
        }
        int at = i < 0 ? current.size() + i : i;
        current = at >= 0 && at < current.size() ? current.get(at) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  private static boolean hasKey(JsonNode node, String key) {
    if (node.isObject()) {
      return node.has(key);
    }
    if (node.isArray()) {
      for (JsonNode e : node) {
        if (e.isTextual() && e.textValue().equals(key)) {
          return true;
        }
      }
      return false;
    }
    return node.isTextual() && node.textValue().equals(key);
  }

  private static void appendAll(ArrayNode out, JsonNode node) {
    if (node.isArray()) {
      out.addAll((ArrayNode) node);
    } else {
      out.add(node);
    }
  }

  private static byte[] bytesOf(JsonNode node) {
    return node == null ? null : JsonValues.bytes(node);
  }

  /** {@code ->>}'s text: a string unquoted, JSON null as SQL null, anything else as jsonb text. */
  private static String textOf(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : JsonValues.jsonb(node);
  }
}
