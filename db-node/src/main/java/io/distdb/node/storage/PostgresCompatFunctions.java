package io.distdb.node.storage;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL functions that H2 lacks or whose H2 namesakes answer differently ({@code left} and
 * {@code right} with a negative count), called through aliases in {@code distdb_catalog} like
 * {@link PostgresFunctions}: pure, deterministic and strict, errors carrying their SQLSTATE.
 *
 * <p>One of the classes the engine may load (see {@link EngineHardening}): it must never touch
 * files, the network, threads or state.
 */
public final class PostgresCompatFunctions {

  /** SQL name → Java method, installed by {@link EngineFunctions}. */
  static final Map<String, String> ALIASES =
      Map.of(
          // LEFT and RIGHT are keywords of the engine: the aliases are named for their argument.
          "text_left", "left",
          "text_right", "right",
          "string_to_array", "stringToArray",
          "age", "age",
          "array_contains_all", "arrayContainsAll");

  private PostgresCompatFunctions() {}

  /**
   * {@code a @> b} of arrays: every element of b equals one of a (a null element equals nothing, so
   * it is contained in no array). The engine hands the elements over as text (an alias cannot take
   * an array of any type), so numbers compare by value.
   */
  public static Boolean arrayContainsAll(String[] a, String[] b) {
    if (a == null || b == null) {
      return null;
    }
    for (String wanted : b) {
      boolean found = false;
      for (String have : a) {
        if (sameElement(have, wanted)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameElement(Object x, Object y) {
    if (x == null || y == null) {
      return false;
    }
    if (x instanceof Number m && y instanceof Number n) {
      return new java.math.BigDecimal(m.toString())
              .compareTo(new java.math.BigDecimal(n.toString()))
          == 0;
    }
    return x.equals(y);
  }

  /** The first n characters; a negative n drops the last -n. */
  public static String left(String s, Integer n) {
    if (s == null || n == null) {
      return null;
    }
    int length = s.codePointCount(0, s.length());
    int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return s.substring(0, s.offsetByCodePoints(0, keep));
  }

  /** The last n characters; a negative n drops the first -n. */
  public static String right(String s, Integer n) {
    if (s == null || n == null) {
      return null;
    }
    int length = s.codePointCount(0, s.length());
    int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return s.substring(s.offsetByCodePoints(0, length - keep));
  }

  /** {@code string_to_array(s, d)}: a null delimiter splits into characters, empty keeps s. */
  public static String[] stringToArray(String s, String delimiter) {
    return stringToArray(s, delimiter, null);
  }

  /** {@code string_to_array(s, d, null_string)}: fields equal to null_string become null. */
  public static String[] stringToArray(String s, String delimiter, String nullString) {
    if (s == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    if (s.isEmpty()) {
      return new String[0];
    }
    if (delimiter == null) {
      s.codePoints().forEach(cp -> fields.add(new String(Character.toChars(cp))));
    } else if (delimiter.isEmpty()) {
      fields.add(s);
    } else {
      int from = 0;
      int at;
      while ((at = s.indexOf(delimiter, from)) >= 0) {
        fields.add(s.substring(from, at));
        from = at + delimiter.length();
      }
      fields.add(s.substring(from));
    }
    if (nullString != null) {
      fields.replaceAll(f -> f.equals(nullString) ? null : f);
    }
    return fields.toArray(String[]::new);
  }

  /**
   * {@code age(a, b)}: a - b in years, months, days and time, field by field as PostgreSQL's
   * timestamp_age computes it (a negative day count borrows the length of b's month), in
   * PostgreSQL's interval text ({@code 1 year 2 mons 5 days 04:05:06}).
   */
  public static String age(LocalDateTime a, LocalDateTime b) {
    if (a == null || b == null) {
      return null;
    }
    boolean negative = a.isBefore(b);
    LocalDateTime hi = negative ? b : a;
    LocalDateTime lo = negative ? a : b;
    long nanos = hi.toLocalTime().toNanoOfDay() - lo.toLocalTime().toNanoOfDay();
    int days = hi.getDayOfMonth() - lo.getDayOfMonth();
    int months = hi.getMonthValue() - lo.getMonthValue();
    int years = hi.getYear() - lo.getYear();
    if (nanos < 0) {
      nanos += 86_400_000_000_000L;
      days--;
    }
    if (days < 0) {
      days += YearMonth.of(lo.getYear(), lo.getMonthValue()).lengthOfMonth();
      months--;
    }
    if (months < 0) {
      months += 12;
      years--;
    }
    int sign = negative ? -1 : 1;
    return new PgInterval(sign * (years * 12 + months), sign * days, sign * nanos / 1000)
        .toString();
  }
}
