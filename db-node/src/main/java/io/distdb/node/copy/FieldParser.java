package io.distdb.node.copy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads one COPY field as its column's PostgreSQL type reads text input, so that a bad value fails
 * with PostgreSQL's message ({@code invalid input syntax for type integer: "abc"}) and its line and
 * column, and the engine receives a typed value. Types not listed here (dates, times, text) go to
 * the engine as text, which converts them.
 */
public final class FieldParser {

  public static final int BOOL = 16;
  public static final int BYTEA = 17;
  public static final int INT8 = 20;
  public static final int INT2 = 21;
  public static final int INT4 = 23;
  public static final int FLOAT4 = 700;
  public static final int FLOAT8 = 701;
  public static final int NUMERIC = 1700;
  public static final int UUID_OID = 2950;

  private FieldParser() {}

  /** The value to bind for {@code text} in a column of type {@code typeOid}. */
  public static Object parse(int typeOid, String text) throws CopyException {
    return switch (typeOid) {
      case INT2 -> (short) integer(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
      case INT4 -> (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
      case INT8 -> integer(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
      case NUMERIC -> numeric(text);
      case FLOAT4 -> (float) floating(text, "real");
      case FLOAT8 -> floating(text, "double precision");
      case BOOL -> bool(text);
      case BYTEA -> bytea(text);
      case UUID_OID -> uuid(text);
      default -> text;
    };
  }

  private static long integer(String text, long min, long max, String type) throws CopyException {
    String s = text.strip();
    long value;
    try {
      value = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      if (s.matches("[+-]?[0-9]+")) {
        throw outOfRange(text, type);
      }
      throw invalid(text, type);
    }
    if (value < min || value > max) {
      throw outOfRange(text, type);
    }
    return value;
  }

  private static BigDecimal numeric(String text) throws CopyException {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(text, "numeric");
    }
  }

  private static double floating(String text, String type) throws CopyException {
    String s = text.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "nan":
        return Double.NaN;
      case "infinity", "+infinity", "inf", "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity", "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (!s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
      throw invalid(text, type);
    }
    double value = Double.parseDouble(s);
    float asFloat = (float) value;
    if (Double.isInfinite(value) || (type.equals("real") && Float.isInfinite(asFloat))) {
      throw new CopyException("22003", "\"" + text + "\" is out of range for type " + type);
    }
    return value;
  }

  /** PostgreSQL's parse_bool: unique prefixes of true/false/yes/no, on/off, 1/0. */
  private static Boolean bool(String text) throws CopyException {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (!s.isEmpty()) {
      if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("1")) {
        return Boolean.TRUE;
      }
      if ("false".startsWith(s) || "no".startsWith(s) || s.equals("0")) {
        return Boolean.FALSE;
      }
      if (s.length() >= 2 && "on".startsWith(s)) {
        return Boolean.TRUE;
      }
      if (s.length() >= 2 && "off".startsWith(s)) {
        return Boolean.FALSE;
      }
    }
    throw invalid(text, "boolean");
  }

  /** Hex ({@code \x0102}) or escape format ({@code a\\000b}). */
  private static byte[] bytea(String text) throws CopyException {
    if (text.startsWith("\\x")) {
      String hex = text.substring(2);
      byte[] out = new byte[hex.length() / 2];
      int n = 0;
      int i = 0;
      while (i < hex.length()) {
        char c = hex.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        int hi = Character.digit(c, 16);
        if (hi < 0) {
          throw new CopyException("22023", "invalid hexadecimal digit: \"" + c + "\"");
        }
        if (i + 1 >= hex.length()) {
          throw new CopyException("22023", "invalid hexadecimal data: odd number of digits");
        }
        int lo = Character.digit(hex.charAt(i + 1), 16);
        if (lo < 0) {
          throw new CopyException(
              "22023", "invalid hexadecimal digit: \"" + hex.charAt(i + 1) + "\"");
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      }
      return java.util.Arrays.copyOf(out, n);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if (b != '\\') {
        out.write(b);
      } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < utf8.length
          && isOctal(utf8[i + 1])
          && isOctal(utf8[i + 2])
          && isOctal(utf8[i + 3])) {
        out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
        i += 3;
      } else {
        throw invalid(text, "bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte b) {
    return b >= '0' && b <= '7';
  }

  private static UUID uuid(String text) throws CopyException {
    String s = text.strip();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1);
    }
    String hex = s.replace("-", "");
    if (hex.length() != 32 || !hex.matches("[0-9a-fA-F]+")) {
      throw invalid(text, "uuid");
    }
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  private static CopyException invalid(String text, String type) {
    return new CopyException(
        CopyException.INVALID_TEXT, "invalid input syntax for type " + type + ": \"" + text + "\"");
  }

  private static CopyException outOfRange(String text, String type) {
    return new CopyException("22003", "value \"" + text + "\" is out of range for type " + type);
  }
}
