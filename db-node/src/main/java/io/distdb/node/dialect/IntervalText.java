package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Reads PostgreSQL's interval input ({@code '1 day'}, {@code '2 hours 30 minutes'}, {@code '1 year
 * 2 mons'}, {@code '3 days 04:05:06'}, {@code '1 week ago'}) and writes it as an H2 interval
 * literal: {@code INTERVAL '1 02:30:00' DAY TO SECOND} or {@code INTERVAL '1-2' YEAR TO MONTH}.
 * H2's intervals are either year-month or day-time, so a value mixing months with days or time is
 * refused (0A000) rather than approximated.
 */
public final class IntervalText {

  /** An H2 interval literal's quoted value and qualifier. */
  record H2Interval(String value, String qualifier) {
    String literal() {
      return "INTERVAL '" + value + "' " + qualifier;
    }
  }

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private IntervalText() {}

  /**
   * The engine's literal for PostgreSQL's interval text, which the engine converts to any interval
   * type it is assigned or cast to (service binds interval parameters with it).
   *
   * @throws StatementException 22007 for text that is no interval, 0A000 for one the engine cannot
   *     hold
   */
  public static String engineLiteral(String text) throws StatementException {
    H2Interval h2 = toH2(text);
    if (h2 == null) {
      throw new StatementException(
          "22007", "invalid input syntax for type interval: \"" + text + "\"");
    }
    return h2.literal();
  }

  /**
   * The H2 form of {@code text}, or null if it is not an interval PostgreSQL accepts as written.
   */
  static H2Interval toH2(String text) throws StatementException {
    String s = text.strip().toLowerCase(Locale.ROOT);
    boolean ago = s.endsWith(" ago");
    if (ago) {
      s = s.substring(0, s.length() - 4).strip();
    }
    if (s.isEmpty()) {
      return null;
    }
    long months = 0;
    BigDecimal micros = BigDecimal.ZERO;
    boolean namesDays = false;
    String[] parts = s.split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.contains(":")) {
        BigDecimal time = clock(p);
        if (time == null) {
          return null;
        }
        micros = micros.add(time);
        continue;
      }
      BigDecimal number;
      String unit;
      int split = unitStart(p);
      if (split < p.length() && split > 0) {
        number = number(p.substring(0, split));
        unit = p.substring(split);
      } else if (i + 1 < parts.length) {
        number = number(p);
        unit = parts[++i];
      } else {
        return null;
      }
      if (number == null) {
        return null;
      }
      long perUnitMonths = monthsPer(unit);
      if (perUnitMonths > 0) {
        if (number.stripTrailingZeros().scale() > 0) {
          return null; // fractional months spill into days in PostgreSQL: not representable here
        }
        months += number.longValueExact() * perUnitMonths;
        continue;
      }
      long perUnitMicros = microsPer(unit);
      if (perUnitMicros == 0) {
        return null;
      }
      micros = micros.add(number.multiply(BigDecimal.valueOf(perUnitMicros)));
      namesDays |= perUnitMicros >= MICROS_PER_DAY;
    }
    if (ago) {
      months = -months;
      micros = micros.negate();
    }
    long us = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    if (months != 0 && us != 0) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          "interval '"
              + text
              + "' mixes months with days or time, which distdb's storage cannot hold in one value;"
              + " add two intervals instead");
    }
    if (months != 0) {
      long abs = Math.abs(months);
      return new H2Interval((months < 0 ? "-" : "") + abs / 12 + "-" + abs % 12, "YEAR TO MONTH");
    }
    long abs = Math.abs(us);
    long seconds = abs % MICROS_PER_DAY / 1_000_000;
    long fraction = abs % 1_000_000;
    String time =
        String.format(
            Locale.ROOT,
            "%02d:%02d:%02d%s",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60,
            fraction == 0 ? "" : String.format(Locale.ROOT, ".%06d", fraction));
    String sign = us < 0 ? "-" : "";
    if (!namesDays) {
      // PostgreSQL keeps hours as hours ('36 hours' prints 36:00:00): so does HOUR TO SECOND.
      long hours = abs / 3_600_000_000L;
      String value = String.format(Locale.ROOT, "%s%02d%s", sign, hours, time.substring(2));
      return new H2Interval(value, "HOUR TO SECOND");
    }
    return new H2Interval(sign + abs / MICROS_PER_DAY + " " + time, "DAY TO SECOND");
  }

  private static int unitStart(String p) {
    int i = 0;
    while (i < p.length() && "+-.0123456789".indexOf(p.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code [-]hh:mm[:ss[.ffffff]]} in microseconds. */
  private static BigDecimal clock(String p) {
    boolean negative = p.startsWith("-");
    String[] f = (negative || p.startsWith("+") ? p.substring(1) : p).split(":");
    if (f.length < 2 || f.length > 3) {
      return null;
    }
    BigDecimal h = number(f[0]);
    BigDecimal m = number(f[1]);
    BigDecimal sec = f.length == 3 ? number(f[2]) : BigDecimal.ZERO;
    if (h == null || m == null || sec == null) {
      return null;
    }
    BigDecimal total =
        h.multiply(BigDecimal.valueOf(3_600_000_000L))
            .add(m.multiply(BigDecimal.valueOf(60_000_000L)))
            .add(sec.multiply(BigDecimal.valueOf(1_000_000L)));
    return negative ? total.negate() : total;
  }

  private static long monthsPer(String unit) {
    return switch (unit) {
      case "mon", "mons", "month", "months" -> 1;
      case "y", "yr", "yrs", "year", "years" -> 12;
      case "decade", "decades" -> 120;
      case "century", "centuries" -> 1200;
      case "millennium", "millennia", "millenniums" -> 12000;
      default -> 0;
    };
  }

  private static long microsPer(String unit) {
    return switch (unit) {
      case "us", "usec", "usecs", "microsecond", "microseconds" -> 1L;
      case "ms", "msec", "msecs", "millisecond", "milliseconds" -> 1_000L;
      case "s", "sec", "secs", "second", "seconds" -> 1_000_000L;
      case "m", "min", "mins", "minute", "minutes" -> 60_000_000L;
      case "h", "hr", "hrs", "hour", "hours" -> 3_600_000_000L;
      case "d", "day", "days" -> MICROS_PER_DAY;
      case "w", "week", "weeks" -> 7 * MICROS_PER_DAY;
      default -> 0L;
    };
  }
}
