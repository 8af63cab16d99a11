package io.distdb.node.storage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Creates the engine's non-administrator users in a database and keeps the reader's grants in step
 * with its schemas. The passwords are new on every start: only this process ever connects (the
 * embedded files are locked to it), so nothing needs to remember them.
 */
final class EngineUsers {

  /** Schemas that are not the user's: the engine's own and distdb's bookkeeping. */
  private static final List<String> SYSTEM_SCHEMAS =
      List.of("information_schema", "pg_catalog", AppliedLsn.SCHEMA);

  private final String password;

  EngineUsers() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.password = HexFormat.of().formatHex(random);
  }

  String password() {
    return password;
  }

  /** Creates or re-keys both users and grants the reader every user schema (as administrator). */
  void install(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (EngineUser u : EngineUser.values()) {
        s.execute("CREATE USER IF NOT EXISTS " + u.engineName() + " PASSWORD '" + password + "'");
        s.execute("ALTER USER " + u.engineName() + " SET PASSWORD '" + password + "'");
      }
      s.execute("GRANT ALTER ANY SCHEMA TO " + EngineUser.WRITER.engineName());
      // pg_get_viewdef reads PostgreSQL's texts of the views on the session's connection.
      s.execute(
          "GRANT SELECT ON " + CatalogViews.VIEW_TEXT + " TO " + EngineUser.READER.engineName());
    }
    refreshReaderGrants(admin);
  }

  /**
   * Grants the reader SELECT on every user schema: called after DDL, since a schema created later
   * is owned by the writer and invisible to the reader until granted.
   */
  void refreshReaderGrants(Connection admin) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT schema_name FROM information_schema.schemata ORDER BY 1")) {
      while (rs.next()) {
        String schema = rs.getString(1);
        if (!SYSTEM_SCHEMAS.contains(schema.toLowerCase(java.util.Locale.ROOT))) {
          schemas.add(schema);
        }
      }
    }
    try (Statement s = admin.createStatement()) {
      for (String schema : schemas) {
        s.execute(
            "GRANT SELECT ON SCHEMA " + quote(schema) + " TO " + EngineUser.READER.engineName());
      }
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
