package io.distdb.operator.spec;

/** Durations as the spec spells them ({@code 500ms}, {@code 5s}, {@code 1m}). */
final class Durations {

  private Durations() {}

  /** Milliseconds of a duration that matches the spec's duration pattern. */
  static long toMillis(String duration) {
    if (duration.endsWith("ms")) {
      return Long.parseLong(duration.substring(0, duration.length() - 2));
    }
    long n = Long.parseLong(duration.substring(0, duration.length() - 1));
    return duration.endsWith("m") ? n * 60_000 : n * 1_000;
  }
}
