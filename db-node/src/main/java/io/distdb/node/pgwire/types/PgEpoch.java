package io.distdb.node.pgwire.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions for PostgreSQL's binary date/time formats, which count from 2000-01-01 (days for
 * date, microseconds for timestamp/timestamptz) rather than from the Unix epoch.
 */
public final class PgEpoch {

  /** Days from 1970-01-01 to 2000-01-01. */
  static final long EPOCH_DAY_OFFSET = 10_957;

  private static final long EPOCH_SECOND_OFFSET = EPOCH_DAY_OFFSET * 86_400;

  private PgEpoch() {}

  public static int toPgDays(LocalDate date) {
    return (int) (date.toEpochDay() - EPOCH_DAY_OFFSET);
  }

  public static LocalDate fromPgDays(int days) {
    return LocalDate.ofEpochDay(days + EPOCH_DAY_OFFSET);
  }

  public static long toPgMicros(LocalDateTime ts) {
    return toMicros(ts.toEpochSecond(ZoneOffset.UTC), ts.getNano());
  }

  public static long toPgMicros(OffsetDateTime ts) {
    return toMicros(ts.toEpochSecond(), ts.getNano());
  }

  public static LocalDateTime localFromPgMicros(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L) + EPOCH_SECOND_OFFSET;
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  public static OffsetDateTime offsetFromPgMicros(long micros) {
    return localFromPgMicros(micros).atOffset(ZoneOffset.UTC);
  }

  private static long toMicros(long epochSecond, int nanos) {
    return (epochSecond - EPOCH_SECOND_OFFSET) * 1_000_000L + nanos / 1000;
  }
}
