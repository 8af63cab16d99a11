package io.distdb.node.storage;

import org.h2.api.Interval;

/**
 * An interval as PostgreSQL holds it (months, days, microseconds, each signed on its own) and
 * prints it with IntervalStyle postgres: {@code 1 year 2 mons}, {@code -1 days +02:00:00}, {@code
 * 36:00:00}. The engine keeps year-month and day-time intervals apart, so a value read from it has
 * either months or days and time, never both.
 */
public record PgInterval(int months, int days, long micros) {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  /**
   * The engine's interval as PostgreSQL's fields; an hour-based value keeps its hours. The engine's
   * field getters carry the sign.
   */
  public static PgInterval of(Interval v) {
    long time =
        ((v.getHours() * 60 + v.getMinutes()) * 60 + v.getSeconds()) * MICROS_PER_SECOND
            + v.getNanosOfSecond() / 1000;
    return new PgInterval(
        Math.toIntExact(v.getYears() * 12 + v.getMonths()), Math.toIntExact(v.getDays()), time);
  }

  /** PostgreSQL's interval_out (EncodeInterval, INTSTYLE_POSTGRES). */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    boolean before = false;
    before = part(out, months / 12, "year", before);
    before = part(out, months % 12, "mon", before);
    before = part(out, days, "day", before);
    if (out.length() == 0 || micros != 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(micros < 0 ? "-" : before ? "+" : "");
      long abs = Math.abs(micros);
      long seconds = abs / MICROS_PER_SECOND;
      long fraction = abs % MICROS_PER_SECOND;
      out.append(String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
      if (fraction != 0) {
        out.append('.').append(String.format("%06d", fraction).replaceFirst("0+$", ""));
      }
    }
    return out.toString();
  }

  /** Appends {@code n unit[s]}; a positive part after a negative one gets an explicit '+'. */
  private static boolean part(StringBuilder out, int n, String unit, boolean before) {
    if (n == 0) {
      return before;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(before && n > 0 ? "+" : "").append(n).append(' ').append(unit);
    if (n != 1) {
      out.append('s');
    }
    return n < 0;
  }
}
