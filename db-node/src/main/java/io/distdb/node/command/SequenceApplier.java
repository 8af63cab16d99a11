package io.distdb.node.command;

import io.distdb.node.command.Change.SequencePosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives one database's sequences the positions the log records. Setting a sequence is a schema
 * change for the engine, which commits at once and (for identity columns) needs the table to
 * itself, so it cannot happen inside the transaction that applies the rows. Instead each position
 * is written to {@code distdb_internal.sequences} in that transaction (so it commits with the rows
 * and the applied LSN), and after the commit the engine's sequences are set from it, idempotently.
 * A crash in between is repaired when the applier next opens the database ({@link
 * #materializeAll}).
 */
final class SequenceApplier {

  private static final Logger log = LoggerFactory.getLogger(SequenceApplier.class);
  static final String TABLE = "distdb_internal.sequences";

  private final Connection connection;
  private final Map<String, SequencePosition> pending = new LinkedHashMap<>();
  private PreparedStatement record;

  SequenceApplier(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (seq_schema VARCHAR NOT NULL, seq_name VARCHAR NOT NULL,"
              + " seq_column VARCHAR NOT NULL, next_value BIGINT NOT NULL,"
              + " PRIMARY KEY (seq_schema, seq_name, seq_column))");
    }
    connection.commit();
  }

  /** Records a position in the current transaction. */
  void record(SequencePosition p) throws SQLException {
    if (record == null) {
      record =
          connection.prepareStatement(
              "MERGE INTO "
                  + TABLE
                  + " KEY (seq_schema, seq_name, seq_column) VALUES (?, ?, ?, ?)");
    }
    record.setString(1, p.schema());
    record.setString(2, p.name());
    record.setString(3, p.column() == null ? "" : p.column());
    record.setLong(4, p.nextValue());
    record.executeUpdate();
    pending.put(p.schema() + '\u0000' + p.name() + '\u0000' + p.column(), p);
  }

  /** After the commit: sets the engine's sequences recorded since the last call. */
  void materializePending() throws SQLException {
    for (SequencePosition p : pending.values()) {
      materialize(p);
    }
    pending.clear();
  }

  void forgetPending() {
    pending.clear();
  }

  /**
   * On opening a database, repairs a crash between a commit and {@link #materializePending}: sets
   * each sequence that stands below its recorded position. Only raises: a master never records
   * positions while it serves (its own sequences are the truth), so an old record must not pull a
   * sequence back that has moved on since.
   */
  void materializeAll() throws SQLException {
    java.util.Map<String, Long> current = new java.util.HashMap<>();
    for (var reading : io.distdb.node.storage.capture.EngineTables.sequences(connection)) {
      current.put(reading.key(), reading.nextValue());
    }
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT seq_schema, seq_name, seq_column, next_value FROM " + TABLE)) {
      while (rs.next()) {
        String column = rs.getString(3);
        Long now = current.get(rs.getString(1) + '\u0000' + rs.getString(2) + '\u0000' + column);
        if (now != null && now >= rs.getLong(4)) {
          continue;
        }
        pending.put(
            rs.getString(1) + '\u0000' + rs.getString(2) + '\u0000' + column,
            new SequencePosition(
                rs.getString(1), rs.getString(2), column.isEmpty() ? null : column, rs.getLong(4)));
      }
    }
    connection.commit();
    materializePending();
  }

  private void materialize(SequencePosition p) throws SQLException {
    String sql =
        p.column() == null
            ? "ALTER SEQUENCE "
                + RowApplier.quote(p.schema())
                + "."
                + RowApplier.quote(p.name())
                + " RESTART WITH "
                + p.nextValue()
            : "ALTER TABLE "
                + RowApplier.quote(p.schema())
                + "."
                + RowApplier.quote(p.name())
                + " ALTER COLUMN "
                + RowApplier.quote(p.column())
                + " RESTART WITH "
                + p.nextValue();
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      // Dropped by a later entry (or not there yet in a replay that has not reached it).
      log.atDebug().addKeyValue("sql", sql).log("sequence not set: {}", e.getMessage());
    }
  }
}
