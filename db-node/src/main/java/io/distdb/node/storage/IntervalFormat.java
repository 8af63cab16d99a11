package io.distdb.node.storage;

/**
 * PostgreSQL's interval output (IntervalStyle postgres): {@code -1 years -2 mons 3 days
 * 04:05:06.5}.
 */
final class IntervalFormat {

  private IntervalFormat() {}

  static String postgres(int years, int months, int days, long nanos) {
    StringBuilder out = new StringBuilder();
    unit(out, years, "year", "years");
    unit(out, months, "mon", "mons");
    unit(out, days, "day", "days");
    if (nanos != 0 || out.length() == 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      long abs = Math.abs(nanos);
      if (nanos < 0) {
        out.append('-');
      }
      long seconds = abs / 1_000_000_000L;
      long fraction = abs % 1_000_000_000L;
      out.append(String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
      if (fraction != 0) {
        String micros = String.format("%06d", fraction / 1000).replaceFirst("0+$", "");
        out.append('.').append(micros);
      }
    }
    return out.toString();
  }

  private static void unit(StringBuilder out, int n, String one, String many) {
    if (n == 0) {
      return;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(n).append(' ').append(n == 1 ? one : many);
  }
}
