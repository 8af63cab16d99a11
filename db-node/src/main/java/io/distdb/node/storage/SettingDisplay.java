package io.distdb.node.storage;

import java.util.List;
import java.util.Map;

/**
 * A parameter's value as {@code current_setting} and SHOW print it: PostgreSQL gives a memory or
 * time value in the largest unit that divides it ({@code 4096} kB is {@code 4MB}), and 0 or a
 * negative value without a unit.
 */
final class SettingDisplay {

  private static final Map<String, Long> MEMORY_BYTES =
      Map.of("B", 1L, "kB", 1024L, "8kB", 8192L, "MB", 1024L * 1024);
  private static final Map<String, Long> TIME_MILLIS = Map.of("ms", 1L, "s", 1000L, "min", 60_000L);
  private static final List<Map.Entry<String, Long>> MEMORY_UNITS =
      List.of(
          Map.entry("TB", 1L << 40),
          Map.entry("GB", 1L << 30),
          Map.entry("MB", 1L << 20),
          Map.entry("kB", 1L << 10),
          Map.entry("B", 1L));
  private static final List<Map.Entry<String, Long>> TIME_UNITS =
      List.of(
          Map.entry("d", 86_400_000L),
          Map.entry("h", 3_600_000L),
          Map.entry("min", 60_000L),
          Map.entry("s", 1000L),
          Map.entry("ms", 1L));

  private SettingDisplay() {}

  /** pg_settings' setting in its unit (or null) as PostgreSQL shows it. */
  static String show(String setting, String unit) {
    if (setting == null || unit == null) {
      return setting;
    }
    long value;
    try {
      value = Long.parseLong(setting);
    } catch (NumberFormatException notIntegral) {
      return setting;
    }
    if (value <= 0) {
      return setting;
    }
    Long bytes = MEMORY_BYTES.get(unit);
    Long millis = TIME_MILLIS.get(unit);
    if (bytes == null && millis == null) {
      return setting;
    }
    long base = value * (bytes != null ? bytes : millis);
    for (Map.Entry<String, Long> u : bytes != null ? MEMORY_UNITS : TIME_UNITS) {
      if (base % u.getValue() == 0) {
        return base / u.getValue() + u.getKey();
      }
    }
    return setting;
  }
}
