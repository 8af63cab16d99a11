package io.distdb.node.service;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's time-valued settings ({@code statement_timeout}, {@code lock_timeout}, {@code
 * idle_in_transaction_session_timeout}): an integer in milliseconds, or a number with one of
 * PostgreSQL's units ({@code us ms s min h d}); 0 turns the limit off.
 */
public final class TimeoutSetting {

  public static final String STATEMENT_TIMEOUT = "statement_timeout";
  public static final String IDLE_IN_TRANSACTION_TIMEOUT = "idle_in_transaction_session_timeout";
  public static final String LOCK_TIMEOUT = "lock_timeout";

  static final Set<String> NAMES =
      Set.of(STATEMENT_TIMEOUT, LOCK_TIMEOUT, IDLE_IN_TRANSACTION_TIMEOUT);

  private static final Pattern VALUE =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?\\s*");

  private TimeoutSetting() {}

  /** The value in milliseconds, or 22023 like PostgreSQL for one it cannot read. */
  public static long millis(String name, String value) throws SqlException {
    Matcher m = VALUE.matcher(value == null ? "" : value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new SqlException(
          "22023", "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    double factor =
        switch (unit) {
          case "us" -> 0.001;
          case "s" -> 1_000;
          case "min" -> 60_000;
          case "h" -> 3_600_000;
          case "d" -> 86_400_000;
          default -> 1;
        };
    double ms = Math.rint(number * factor);
    if (ms > Integer.MAX_VALUE) {
      throw new SqlException(
          "22023",
          value
              + " ms is outside the valid range for parameter \""
              + name
              + "\" (0 .. 2147483647)");
    }
    return (long) ms;
  }
}
