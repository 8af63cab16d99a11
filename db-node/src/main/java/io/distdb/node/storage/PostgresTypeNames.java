package io.distdb.node.storage;

import java.util.Locale;
import java.util.Map;

/** PostgreSQL's names for H2's data types, as they appear in error messages. */
final class PostgresTypeNames {

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("INTEGER", "integer"),
          Map.entry("SMALLINT", "smallint"),
          Map.entry("BIGINT", "bigint"),
          Map.entry("TINYINT", "smallint"),
          Map.entry("BOOLEAN", "boolean"),
          Map.entry("REAL", "real"),
          Map.entry("DOUBLE PRECISION", "double precision"),
          Map.entry("DECFLOAT", "numeric"),
          Map.entry("NUMERIC", "numeric"),
          Map.entry("DATE", "date"),
          Map.entry("TIME", "time without time zone"),
          Map.entry("TIME WITH TIME ZONE", "time with time zone"),
          Map.entry("TIMESTAMP", "timestamp without time zone"),
          Map.entry("TIMESTAMP WITH TIME ZONE", "timestamp with time zone"),
          Map.entry("UUID", "uuid"),
          Map.entry("JSON", "json"),
          Map.entry("BINARY VARYING", "bytea"),
          Map.entry("CHARACTER VARYING", "character varying"),
          Map.entry("INTERVAL", "interval"));

  private PostgresTypeNames() {}

  /**
   * PostgreSQL's name for an H2 type name such as {@code DOUBLE PRECISION} or {@code NUMERIC(10,
   * 2)}.
   */
  static String of(String h2Type) {
    String base = h2Type.replaceFirst("\\(.*$", "").strip().toUpperCase(Locale.ROOT);
    return NAMES.getOrDefault(base, base.toLowerCase(Locale.ROOT));
  }
}
