package io.distdb.node.storage.capture;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a {@link CaptureTrigger} on every persistent user table. Runs on an administrator
 * connection (only the administrator may create triggers; clients never can) when a database is
 * first opened by this process and after every schema change, on the master and on replicas alike,
 * so a replica that becomes master already captures.
 */
public final class CaptureTriggers {

  /** Prefix of the trigger names; the table's name follows. */
  public static final String PREFIX = "distdb_capture_";

  /** Schemas that hold no user tables. */
  private static final String SYSTEM_SCHEMAS =
      "('INFORMATION_SCHEMA', 'information_schema', 'pg_catalog', 'distdb_internal',"
          + " 'distdb_catalog')";

  private CaptureTriggers() {}

  /** Creates the missing triggers; returns how many. */
  public static int install(Connection admin) throws SQLException {
    Set<String> present = new HashSet<>();
    List<String[]> tables = new ArrayList<>();
    try (Statement s = admin.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT trigger_schema, trigger_name FROM information_schema.triggers"
                  + " WHERE trigger_name LIKE '"
                  + PREFIX
                  + "%'")) {
        while (rs.next()) {
          present.add(rs.getString(1) + '\u0000' + rs.getString(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_schema, table_name FROM information_schema.tables"
                  + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
                  + SYSTEM_SCHEMAS)) {
        while (rs.next()) {
          tables.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      int created = 0;
      for (String[] t : tables) {
        String trigger = PREFIX + t[1];
        if (present.contains(t[0] + '\u0000' + trigger)) {
          continue;
        }
        s.execute(
            "CREATE TRIGGER IF NOT EXISTS "
                + quote(t[0])
                + "."
                + quote(trigger)
                + " AFTER INSERT, UPDATE, DELETE ON "
                + quote(t[0])
                + "."
                + quote(t[1])
                + " FOR EACH ROW CALL '"
                + CaptureTrigger.class.getName()
                + "'");
        created++;
      }
      return created;
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
