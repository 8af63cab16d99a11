package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The last log position a database has applied, kept in the database itself so that it commits in
 * the same transaction as the data it describes: after a crash, replay starts exactly after it.
 */
public final class AppliedLsn {

  /** The schema that holds distdb's own bookkeeping; hidden from users' catalog views. */
  public static final String SCHEMA = "distdb_internal";

  private AppliedLsn() {}

  static void install(Connection connection, long lsn) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + SCHEMA
              + ".applied (id INT PRIMARY KEY, lsn BIGINT NOT NULL)");
      s.execute("MERGE INTO " + SCHEMA + ".applied KEY (id) VALUES (1, " + lsn + ")");
    }
  }

  /** Records {@code lsn} as applied, in the connection's current transaction. */
  public static void set(Connection connection, long lsn) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE " + SCHEMA + ".applied SET lsn = ?1 WHERE id = 1")) {
      ps.setLong(1, lsn);
      ps.executeUpdate();
    }
  }

  /** The last applied LSN as committed. */
  public static long get(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT lsn FROM " + SCHEMA + ".applied WHERE id = 1")) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }
}
