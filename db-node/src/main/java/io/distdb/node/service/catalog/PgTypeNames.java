package io.distdb.node.service.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/** PostgreSQL's spelling (format_type, pg_get_expr) of H2's column types and defaults. */
final class PgTypeNames {

  /**
   * H2 stores TEXT and an unbounded VARCHAR alike as CHARACTER VARYING of this length; we print
   * such columns as {@code text}, the common PostgreSQL spelling.
   */
  private static final long H2_MAX_LENGTH = 1_000_000_000L;

  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

  private static final Pattern PLAIN_IDENT = Pattern.compile("[a-z_][a-z0-9_$]*");

  private PgTypeNames() {}

  static String format(
      String h2Type, Long length, Integer precision, Integer scale, Integer fractionDigits) {
    String t = h2Type.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "character varying" ->
          length == null || length >= H2_MAX_LENGTH ? "text" : "character varying(" + length + ")";
      case "character" -> "character(" + (length == null ? 1 : length) + ")";
      case "character large object" -> "text";
      case "tinyint" -> "smallint";
      case "numeric", "decimal" ->
          precision == null || precision > 1000
              ? "numeric"
              : "numeric(" + precision + "," + (scale == null ? 0 : scale) + ")";
      case "decfloat" -> "numeric";
      case "binary", "binary varying", "binary large object" -> "bytea";
      case "timestamp" -> "timestamp" + fraction(fractionDigits) + " without time zone";
      case "timestamp with time zone" -> "timestamp" + fraction(fractionDigits) + " with time zone";
      case "time" -> "time" + fraction(fractionDigits) + " without time zone";
      case "time with time zone" -> "time" + fraction(fractionDigits) + " with time zone";
      default -> t;
    };
  }

  /** PostgreSQL omits the default precision 6 of timestamps and times. */
  private static String fraction(Integer digits) {
    return digits == null || digits == 6 ? "" : "(" + digits + ")";
  }

  /** A column default as pg_get_expr prints it: literals carry their cast ('x'::text). */
  static String defaultExpr(String h2Default, String pgType) {
    if (h2Default == null) {
      return null;
    }
    String d = h2Default.trim();
    if (STRING_LITERAL.matcher(d).matches()) {
      return d + "::" + castName(pgType);
    }
    if (d.equalsIgnoreCase("TRUE") || d.equalsIgnoreCase("FALSE")) {
      return d.toLowerCase(Locale.ROOT);
    }
    return d;
  }

  private static String castName(String pgType) {
    if (pgType.startsWith("character varying")) {
      return "character varying";
    }
    if (pgType.startsWith("character(")) {
      return "bpchar";
    }
    int paren = pgType.indexOf('(');
    return paren < 0 ? pgType : pgType.substring(0, paren);
  }

  /** An identifier as PostgreSQL prints it: quoted unless plain lower case. */
  static String quoteIdent(String name) {
    return PLAIN_IDENT.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
