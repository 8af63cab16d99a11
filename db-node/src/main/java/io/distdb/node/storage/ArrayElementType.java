package io.distdb.node.storage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The element types of PostgreSQL arrays whose text input distdb reads itself, with PostgreSQL's
 * input rules and messages ({@code invalid input syntax for type integer: "a"}, 22P02; {@code value
 * "9999999999" is out of range for type integer}, 22003). Elements of other types (dates,
 * timestamps, text) stay strings, which the engine converts to the column's or cast's type.
 */
public enum ArrayElementType {
  BOOL("boolean"),
  INT2("smallint"),
  INT4("integer"),
  INT8("bigint"),
  FLOAT4("real"),
  FLOAT8("double precision"),
  NUMERIC("numeric"),
  UUID("uuid"),
  /** text, varchar, dates, times and everything else: the element's text as it is. */
  OTHER(null);

  private final String sqlName;

  ArrayElementType(String sqlName) {
    this.sqlName = sqlName;
  }

  /**
   * By PostgreSQL's internal name ({@code int4}, {@code bool}, {@code float8}; {@code PgType} names
   * lower-cased), or by the engine's SQL name ({@code INTEGER}, {@code CHARACTER VARYING}).
   */
  public static ArrayElementType of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    int paren = n.indexOf('(');
    if (paren >= 0) {
      n = n.substring(0, paren).strip();
    }
    return switch (n) {
      case "bool", "boolean" -> BOOL;
      case "int2", "smallint", "tinyint" -> INT2;
      case "int4", "int", "integer" -> INT4;
      case "int8", "bigint" -> INT8;
      case "float4", "real" -> FLOAT4;
      case "float8", "double precision", "float" -> FLOAT8;
      case "numeric", "decimal" -> NUMERIC;
      case "uuid" -> UUID;
      default -> OTHER;
    };
  }

  /**
   * The elements of a one-dimensional array literal as Java values of this type (Boolean, Short,
   * Integer, Long, Float, Double, BigDecimal, UUID; String otherwise), nulls kept.
   *
   * @throws TextInputException for a malformed literal or element, 0A000 for more dimensions
   */
  public Object[] readArray(String literal) {
    List<Object> parsed = ArrayLiteral.parse(literal);
    if (ArrayLiteral.dimensions(parsed) > 1) {
      throw new TextInputException(
          "0A000", "multidimensional arrays are not supported here: \"" + literal + "\"", null);
    }
    Object[] out = new Object[parsed.size()];
    for (int i = 0; i < out.length; i++) {
      Object e = parsed.get(i);
      out[i] = e == null ? null : read((String) e);
    }
    return out;
  }

  /** One element's text as a value of this type. */
  public Object read(String text) {
    String s = text.strip();
    try {
      return switch (this) {
        case BOOL -> bool(s, text);
        case INT2 -> (short) integer(s, text, Short.MIN_VALUE, Short.MAX_VALUE);
        case INT4 -> (int) integer(s, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case INT8 -> integer(s, text, Long.MIN_VALUE, Long.MAX_VALUE);
        case FLOAT4 -> Float.parseFloat(floatText(s));
        case FLOAT8 -> Double.parseDouble(floatText(s));
        case NUMERIC -> new BigDecimal(s);
        case UUID -> uuid(s);
        case OTHER -> text;
      };
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
  }

  /** Elements of a parsed literal, converted (for a multidimensional one, nested lists). */
  public List<Object> readAll(List<Object> parsed) {
    List<Object> out = new ArrayList<>(parsed.size());
    for (Object e : parsed) {
      if (e instanceof List<?> sub) {
        @SuppressWarnings("unchecked")
        List<Object> inner = (List<Object>) sub;
        out.add(readAll(inner));
      } else {
        out.add(e == null ? null : read((String) e));
      }
    }
    return out;
  }

  private long integer(String s, String text, long min, long max) {
    if (s.isEmpty() || s.indexOf('_') >= 0 || s.indexOf(' ') >= 0) {
      throw invalid(text);
    }
    long v;
    try {
      v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      if (s.matches("[+-]?[0-9]+")) {
        throw outOfRange(s);
      }
      throw invalid(text);
    }
    if (v < min || v > max) {
      throw outOfRange(s);
    }
    return v;
  }

  private static String floatText(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return switch (l) {
      case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
      case "-inf", "-infinity" -> "-Infinity";
      case "nan" -> "NaN";
      default -> {
        if (l.isEmpty() || l.endsWith("d") || l.endsWith("f") || l.contains("x")) {
          throw new NumberFormatException(s); // Java's suffixes and hex are not PostgreSQL's
        }
        yield s;
      }
    };
  }

  /** PostgreSQL's boolin: t/true, f/false, y/yes, n/no, on, off, 1, 0 and unique prefixes. */
  private Boolean bool(String s, String text) {
    String l = s.toLowerCase(Locale.ROOT);
    if (!l.isEmpty()) {
      if ("true".startsWith(l) || "yes".startsWith(l) || l.equals("on") || l.equals("1")) {
        return Boolean.TRUE;
      }
      if ("false".startsWith(l) || "no".startsWith(l) || l.length() >= 2 && "off".startsWith(l)) {
        return Boolean.FALSE;
      }
      if (l.equals("0")) {
        return Boolean.FALSE;
      }
    }
    throw invalid(text);
  }

  /** PostgreSQL's uuid_in: 32 hex digits, hyphens after any group of four, optional braces. */
  private UUID uuid(String s) {
    String t = s;
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1);
    }
    String hex = t.replace("-", "");
    boolean hyphens = t.startsWith("-") || t.endsWith("-") || t.contains("--");
    if (hex.length() != 32 || !hex.matches("[0-9a-fA-F]+") || hyphens) {
      throw invalid(s);
    }
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  private TextInputException invalid(String text) {
    return new TextInputException(
        "22P02", "invalid input syntax for type " + sqlName + ": \"" + text + "\"", null);
  }

  private TextInputException outOfRange(String s) {
    return new TextInputException(
        "22003", "value \"" + s + "\" is out of range for type " + sqlName, null);
  }
}
