package io.distdb.node.storage.undo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what a database's user schemas hold: the objects by name, and the engine's own script of
 * their definitions ({@code SCRIPT NODATA}), which undo re-runs to rebuild what a block changed.
 * Runs on an administrator connection (only the administrator may run SCRIPT).
 */
final class CatalogState {

  /** Schemas of the engine and of distdb itself: never changed by a client, never undone. */
  static final Set<String> SYSTEM_SCHEMAS =
      Set.of(
          "INFORMATION_SCHEMA",
          "information_schema",
          "pg_catalog",
          "distdb_internal",
          "distdb_catalog");

  /** Kinds of user objects undo tracks by name. */
  enum Kind {
    SCHEMA,
    TABLE,
    VIEW,
    SEQUENCE,
    DOMAIN
  }

  record UserObject(Kind kind, String schema, String name) {
    String qualified() {
      return kind == Kind.SCHEMA ? quote(schema) : quote(schema) + "." + quote(name);
    }
  }

  private CatalogState() {}

  static List<UserObject> objects(Connection admin) throws SQLException {
    List<UserObject> out = new ArrayList<>();
    try (Statement s = admin.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
        while (rs.next()) {
          add(out, Kind.SCHEMA, rs.getString(1), "");
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_schema, table_name, table_type FROM information_schema.tables"
                  + " WHERE table_type IN ('BASE TABLE', 'VIEW')")) {
        while (rs.next()) {
          Kind kind = rs.getString(3).equals("VIEW") ? Kind.VIEW : Kind.TABLE;
          add(out, kind, rs.getString(1), rs.getString(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT sequence_schema, sequence_name FROM information_schema.sequences")) {
        while (rs.next()) {
          add(out, Kind.SEQUENCE, rs.getString(1), rs.getString(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT domain_schema, domain_name FROM information_schema.domains")) {
        while (rs.next()) {
          add(out, Kind.DOMAIN, rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static void add(List<UserObject> out, Kind kind, String schema, String name) {
    if (!SYSTEM_SCHEMAS.contains(schema) && !(kind == Kind.SCHEMA && schema.equals("PUBLIC"))) {
      out.add(new UserObject(kind, schema, name));
    }
  }

  /**
   * The engine's definitions of user sequences, domains (enum types), tables, their constraints,
   * indexes and triggers, and of user views, in the engine's own dependency order.
   */
  static List<String> script(Connection admin) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
      while (rs.next()) {
        String sql = rs.getString(1);
        String schema = firstSchema(sql);
        if (schema != null && !SYSTEM_SCHEMAS.contains(schema) && isDefinition(sql)) {
          out.add(sql);
        }
      }
    }
    return out;
  }

  private static boolean isDefinition(String sql) {
    return sql.startsWith("CREATE MEMORY TABLE ")
        || sql.startsWith("CREATE CACHED TABLE ")
        || sql.startsWith("ALTER TABLE ")
        || sql.startsWith("CREATE FORCE VIEW ")
        || sql.startsWith("CREATE FORCE TRIGGER ")
        || isSequenceDefinition(sql)
        || isDomainDefinition(sql)
        || (sql.startsWith("CREATE ") && sql.contains(" INDEX "))
        || sql.startsWith("COMMENT ON ");
  }

  static boolean isTableDefinition(String sql) {
    return sql.startsWith("CREATE MEMORY TABLE ") || sql.startsWith("CREATE CACHED TABLE ");
  }

  static boolean isSequenceDefinition(String sql) {
    return sql.startsWith("CREATE SEQUENCE ");
  }

  /** An enum type or domain (a block's DROP TYPE is undone by running it again). */
  static boolean isDomainDefinition(String sql) {
    return sql.startsWith("CREATE DOMAIN ");
  }

  static boolean isViewDefinition(String sql) {
    return sql.startsWith("CREATE FORCE VIEW ");
  }

  /** The schema of the first quoted, qualified name in an engine script statement. */
  private static String firstSchema(String sql) {
    int open = sql.indexOf('"');
    if (open < 0) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    for (int i = open + 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '"') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
          name.append('"');
          i++;
          continue;
        }
        return i + 1 < sql.length() && sql.charAt(i + 1) == '.' ? name.toString() : null;
      }
      name.append(c);
    }
    return null;
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }
}
