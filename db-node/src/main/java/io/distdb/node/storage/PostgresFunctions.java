package io.distdb.node.storage;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * PostgreSQL functions H2 lacks, as plain static Java the engine calls through aliases in {@code
 * distdb_catalog} ({@link EngineFunctions}); the dialect maps a client's {@code initcap(x)} onto
 * {@code distdb_catalog.initcap(x)}. Each is pure and deterministic, so every replica computes the
 * same value, and strict like PostgreSQL's: a null argument gives null. Errors are thrown as {@link
 * IllegalArgumentException} whose message starts with the SQLSTATE ({@code 22023: ...}), which
 * {@link H2ErrorTranslator} passes on.
 *
 * <p>This class is the only one the engine may load (see {@link EngineHardening}): it must never
 * touch files, the network, threads or state.
 */
public final class PostgresFunctions {

  private PostgresFunctions() {}

  /** Upper-cases the first letter of each run of letters and digits, lower-cases the rest. */
  public static String initcap(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean alnum = Character.isLetterOrDigit(cp);
      out.appendCodePoint(alnum && !inWord ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
      inWord = alnum;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** The n-th field (from 1; negative counts from the end) of {@code s} split at {@code d}. */
  public static String splitPart(String s, String d, Integer n) {
    if (s == null || d == null || n == null) {
      return null;
    }
    if (n == 0) {
      throw new IllegalArgumentException("22023: field position must not be zero");
    }
    if (d.isEmpty()) {
      return n == 1 || n == -1 ? s : "";
    }
    java.util.List<String> fields = new java.util.ArrayList<>();
    int from = 0;
    int at;
    while ((at = s.indexOf(d, from)) >= 0) {
      fields.add(s.substring(from, at));
      from = at + d.length();
    }
    fields.add(s.substring(from));
    int index = n > 0 ? n - 1 : fields.size() + n;
    return index >= 0 && index < fields.size() ? fields.get(index) : "";
  }

  /** Position (from 1) of {@code sub} in {@code s}, 0 if absent. */
  public static Integer strpos(String s, String sub) {
    if (s == null || sub == null) {
      return null;
    }
    int at = s.indexOf(sub);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  public static String reverse(String s) {
    return s == null ? null : new StringBuilder(s).reverse().toString();
  }

  public static LocalDate makeDate(Integer year, Integer month, Integer day) {
    if (year == null || month == null || day == null) {
      return null;
    }
    try {
      // PostgreSQL numbers years BC as negative and has no year 0.
      if (year == 0) {
        throw new DateTimeException("year 0");
      }
      return LocalDate.of(year < 0 ? year + 1 : year, month, day);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "22008: date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
    }
  }

  private static String pad(int v) {
    return v < 10 && v >= 0 ? "0" + v : Integer.toString(v);
  }

  /**
   * PostgreSQL's {@code format}: {@code %s} (text, null as empty), {@code %I} (identifier, quoted
   * where needed), {@code %L} (literal, null as NULL), {@code %%}; positions {@code %2$s} too.
   */
  public static String format(String template, String... args) {
    if (template == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i >= template.length()) {
        throw new IllegalArgumentException("22023: unterminated format() type specifier");
      }
      if (template.charAt(i) == '%') {
        out.append('%');
        continue;
      }
      int argIndex = next;
      int dollar = template.indexOf('$', i);
      if (dollar > i && template.substring(i, dollar).chars().allMatch(Character::isDigit)) {
        argIndex = Integer.parseInt(template.substring(i, dollar)) - 1;
        i = dollar + 1;
      }
      if (i >= template.length()) {
        throw new IllegalArgumentException("22023: unterminated format() type specifier");
      }
      char type = template.charAt(i);
      if (argIndex < 0 || args == null || argIndex >= args.length) {
        throw new IllegalArgumentException("22023: too few arguments for format()");
      }
      String value = args[argIndex];
      next = argIndex + 1;
      switch (type) {
        case 's' -> out.append(value == null ? "" : value);
        case 'I' -> {
          if (value == null) {
            throw new IllegalArgumentException(
                "22004: null values cannot be formatted as an SQL identifier");
          }
          out.append(
              value.matches("[a-z_][a-z0-9_$]*") ? value : '"' + value.replace("\"", "\"\"") + '"');
        }
        case 'L' -> out.append(value == null ? "NULL" : "'" + value.replace("'", "''") + "'");
        default ->
            throw new IllegalArgumentException(
                "22023: unrecognized format() type specifier \""
                    + type
                    + "\"".toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
