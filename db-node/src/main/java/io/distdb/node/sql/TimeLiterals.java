package io.distdb.node.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Typed SQL literals for one instant in UTC, each in a form both PostgreSQL and H2 (PostgreSQL
 * mode) parse, with PostgreSQL's microsecond precision.
 */
final class TimeLiterals {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private final LocalDateTime utc;

  /**
   * @param precision fractional-second digits to keep (0..6), rounded like PostgreSQL's {@code
   *     current_timestamp(p)}; 6 for the plain functions
   */
  TimeLiterals(Instant instant, int precision) {
    long unitMicros = (long) Math.pow(10, 6 - Math.max(0, Math.min(6, precision)));
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    long rounded = Math.floorDiv(micros + unitMicros / 2, unitMicros) * unitMicros;
    this.utc =
        LocalDateTime.ofInstant(Instant.EPOCH.plus(rounded, ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  /** {@code now()}, {@code current_timestamp}: timestamp with time zone. */
  String timestampTz() {
    return "TIMESTAMP WITH TIME ZONE '" + DATE.format(utc) + " " + TIME.format(utc) + "+00'";
  }

  /** {@code localtimestamp}: timestamp without time zone. */
  String timestamp() {
    return "TIMESTAMP '" + DATE.format(utc) + " " + TIME.format(utc) + "'";
  }

  /** {@code current_date}. */
  String date() {
    return "DATE '" + DATE.format(utc) + "'";
  }

  /** {@code current_time}: time with time zone, as in PostgreSQL. */
  String timeTz() {
    return "TIME WITH TIME ZONE '" + TIME.format(utc) + "+00'";
  }

  /** {@code localtime}. */
  String time() {
    return "TIME '" + TIME.format(utc) + "'";
  }
}
