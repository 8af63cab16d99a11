package io.distdb.node.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON documents as PostgreSQL reads and prints them. {@code jsonb} keeps one value per key (the
 * last one given) and prints object keys shorter first, equal lengths by their UTF-8 bytes, with
 * {@code ": "} and {@code ", "} between items; numbers keep their digits ({@code 1.50}) but not an
 * exponent ({@code 1e2} is {@code 100}). The engine stores the compact text; clients see this one.
 */
public final class JsonValues {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** jsonb's key order: length first, then bytes (UTF-8 compares like its code points). */
  static final Comparator<String> KEY_ORDER =
      Comparator.comparingInt((String k) -> k.getBytes(StandardCharsets.UTF_8).length)
          .thenComparing(Comparator.naturalOrder());

  private JsonValues() {}

  /**
   * @throws IllegalArgumentException {@code 22P02} as PostgreSQL's "invalid input syntax for type
   *     json"
   */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("22P02: invalid input syntax for type json");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("22P02: invalid input syntax for type json");
    }
  }

  /** PostgreSQL's text output of a jsonb value. */
  public static String jsonb(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out, true);
    return out.toString();
  }

  /** PostgreSQL's text of {@code text} as jsonb: parsed, keys sorted and deduplicated. */
  public static String jsonbText(String text) {
    return jsonb(parse(text));
  }

  /**
   * The text of a json (not jsonb) value: keys keep their order and duplicates, which PostgreSQL's
   * json keeps too; the spacing is jsonb's, since the engine does not keep the client's (a
   * documented difference).
   */
  public static String jsonText(String compact) {
    StringBuilder out = new StringBuilder(compact.length() + 16);
    boolean inString = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      out.append(c);
      if (inString) {
        if (c == '\\') {
          out.append(compact.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if ((c == ',' || c == ':')
          && i + 1 < compact.length()
          && compact.charAt(i + 1) != ' ') {
        out.append(' ');
      }
    }
    return out.toString();
  }

  /** The UTF-8 bytes the engine parses into its JSON type ({@code CAST(bytes AS JSON)}). */
  static byte[] bytes(JsonNode node) {
    return jsonb(node).getBytes(StandardCharsets.UTF_8);
  }

  /** A text value as a JSON string. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    writeString(s, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out, boolean sortKeys) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          fields.add(it.next());
        }
        if (sortKeys) {
          fields.sort(Map.Entry.comparingByKey(KEY_ORDER));
        }
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          writeString(fields.get(i).getKey(), out);
          out.append(": ");
          write(fields.get(i).getValue(), out, sortKeys);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(node.get(i), out, sortKeys);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue());
      default -> out.append("null");
    }
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    BigDecimal d = node.decimalValue();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** PostgreSQL's escapes: the short forms, other control characters as backslash-u. */
  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
