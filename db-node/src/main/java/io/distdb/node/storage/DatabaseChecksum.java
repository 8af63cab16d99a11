package io.distdb.node.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of a database's user-visible content and schema, equal on two replicas exactly when they
 * hold the same tables with the same rows. Rows are read in primary-key order, or ordered by every
 * column when a table has none, so physical layout does not matter.
 */
public final class DatabaseChecksum {

  /** One database's checksum and the applied LSN it was taken at. */
  public record Result(long appliedLsn, String checksum) {}

  private DatabaseChecksum() {}

  public static Result compute(Storage storage, DatabaseName name) {
    try (Connection c = storage.connect(name)) {
      c.setAutoCommit(false);
      // One snapshot for every table and the LSN alike.
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long lsn = AppliedLsn.get(c);
      for (String table : userTables(c)) {
        update(digest, "table " + table);
        List<String> columns = columns(c, table, digest);
        String order = String.join(", ", columns.stream().map(DatabaseChecksum::quote).toList());
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
          int n = rs.getMetaData().getColumnCount();
          StringBuilder row = new StringBuilder();
          while (rs.next()) {
            row.setLength(0);
            for (int i = 1; i <= n; i++) {
              row.append(text(rs.getObject(i))).append('\u0001');
            }
            update(digest, row.toString());
          }
        }
      }
      c.rollback();
      return new Result(lsn, HexFormat.of().formatHex(digest.digest()));
    } catch (SQLException e) {
      throw new StorageException("checksum of " + name + " failed: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A value as text that depends on the value only: the engine's arrays and large objects print
   * their handle number, which differs between replicas.
   */
  private static String text(Object v) throws SQLException {
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    if (v instanceof java.sql.Array a) {
      return java.util.Arrays.deepToString((Object[]) a.getArray());
    }
    if (v instanceof java.sql.Clob c) {
      return c.getSubString(1, Math.toIntExact(c.length()));
    }
    if (v instanceof java.sql.Blob b) {
      return HexFormat.of().formatHex(b.getBytes(1, Math.toIntExact(b.length())));
    }
    return String.valueOf(v);
  }

  private static List<String> userTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_schema, table_name FROM"
                    + " information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN"
                    + " ('INFORMATION_SCHEMA', 'information_schema', 'pg_catalog', '"
                    + AppliedLsn.SCHEMA
                    + "', '"
                    // The materialized catalog is each node's own (CatalogSnapshot).
                    + CatalogViews.SCHEMA
                    + "') ORDER BY table_schema, table_name")) {
      while (rs.next()) {
        tables.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
      }
    }
    return tables;
  }

  /** Column names of a table, in order. */
  private static List<String> columns(Connection c, String qualifiedTable, MessageDigest digest)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + qualifiedTable + " WHERE 1 = 0")) {
      var md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
        update(digest, "column " + md.getColumnName(i) + " " + md.getColumnTypeName(i));
      }
    }
    return names;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }
}
