package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Installs {@link PostgresFunctions} as aliases in {@code distdb_catalog} (as administrator, when a
 * database is created or first opened by this process). {@code IF NOT EXISTS}, so a node that gains
 * a function adds it to databases made before; every replica runs the same installation.
 */
final class EngineFunctions {

  /** SQL name → Java method of {@link PostgresFunctions}. */
  static final Map<String, String> ALIASES =
      Map.of(
          "initcap", "initcap",
          "split_part", "splitPart",
          "strpos", "strpos",
          "reverse", "reverse",
          "make_date", "makeDate",
          "format", "format");

  private EngineFunctions() {}

  static void install(Connection admin) throws SQLException {
    install(admin, PostgresFunctions.class, ALIASES);
    install(admin, PostgresJsonFunctions.class, PostgresJsonFunctions.ALIASES);
    install(admin, PostgresJsonTextFunctions.class, PostgresJsonTextFunctions.ALIASES);
    install(admin, PostgresCompatFunctions.class, PostgresCompatFunctions.ALIASES);
    install(admin, PostgresBuiltinFunctions.class, PostgresBuiltinFunctions.ALIASES);
    install(admin, PostgresFloatFunctions.class, PostgresFloatFunctions.ALIASES);
  }

  private static void install(Connection admin, Class<?> functions, Map<String, String> aliases)
      throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (Map.Entry<String, String> e : aliases.entrySet()) {
        s.execute(
            "CREATE ALIAS IF NOT EXISTS "
                + CatalogViews.SCHEMA
                + "."
                + e.getKey()
                + (PostgresBuiltinFunctions.CLOCK.contains(e.getKey()) ? "" : " DETERMINISTIC")
                + " FOR '"
                + functions.getName()
                + "."
                + e.getValue()
                + "'");
      }
    }
  }
}
