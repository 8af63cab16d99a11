package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.CommandApplier;
import io.distdb.node.dialect.FailingRowProbe;
import io.distdb.node.storage.DiagnosedException;
import io.distdb.node.storage.H2ErrorTranslator;
import io.distdb.node.storage.TranslatedError;
import io.distdb.node.storage.TranslatedError.ErrorObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Completes a check or not-null violation the way PostgreSQL 15 reports it, from the connection the
 * statement failed on: H2 names only the constraint or the column, PostgreSQL also the relation
 * ({@code new row for relation "t" violates check constraint "t_a_check"}, {@code null value in
 * column "a" of relation "t" violates not-null constraint}), the ErrorResponse's schema and table
 * fields, and the DETAIL {@code Failing row contains (1, -5).} ({@link FailingRowProbe}). Runs only
 * after such a failure, so it costs the hot path nothing; whatever it cannot find it leaves out.
 */
final class ConstraintDiagnosis {

  private static final String CHECK =
      "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, cc.CHECK_CLAUSE"
          + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
          + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
          + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
          + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
          + " WHERE tc.CONSTRAINT_NAME = ?"
          + " ORDER BY tc.TABLE_NAME = ? DESC, tc.TABLE_SCHEMA = CURRENT_SCHEMA DESC"
          + " FETCH FIRST ROW ONLY";

  private static final String NOT_NULL_TABLES =
      "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE COLUMN_NAME = ? AND IS_NULLABLE = 'NO'"
          + " AND (? IS NULL OR TABLE_NAME = ?) AND TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA)";

  private static final String COLUMNS =
      "SELECT COLUMN_NAME, COLUMN_DEFAULT, IS_IDENTITY, IDENTITY_BASE, IDENTITY_INCREMENT,"
          + " DATA_TYPE"
          + " FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

  private static final Pattern NEXT_VALUE = Pattern.compile("(?i)NEXT\\s+VALUE\\s+FOR\\s+");

  private ConstraintDiagnosis() {}

  /**
   * {@code e}, or for a check or not-null violation a {@link DiagnosedException} with PostgreSQL's
   * message, fields and DETAIL.
   */
  static SQLException diagnose(Connection connection, SqlStatement statement, SQLException e) {
    TranslatedError base = H2ErrorTranslator.translate(e);
    try {
      TranslatedError full =
          switch (base.sqlState()) {
            case "23514" -> check(connection, statement, base);
            case "23502" -> notNull(connection, statement, base);
            case "23505" -> base.detail() == null ? primaryKey(connection, base, e) : null;
            default -> null;
          };
      return full == null ? e : new DiagnosedException(full, e);
    } catch (SQLException | RuntimeException lookupFailed) {
      // The message H2's own text gave is still right, only less complete.
      return e;
    }
  }

  private static TranslatedError check(Connection c, SqlStatement statement, TranslatedError base)
      throws SQLException {
    String constraint = base.object().constraint();
    FailingRowProbe.Target target = FailingRowProbe.target(statement.sql());
    String schema;
    String table;
    String clause;
    try (PreparedStatement ps = c.prepareStatement(CHECK)) {
      ps.setString(1, constraint);
      ps.setString(2, target == null ? null : target.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        schema = rs.getString(1);
        table = rs.getString(2);
        clause = rs.getString(3);
      }
    }
    return new TranslatedError(
        base.sqlState(),
        "new row for relation \"" + table + "\" violates check constraint \"" + constraint + "\"",
        failingRow(c, statement, schema, table, "NOT (" + clause + ")"),
        ErrorObject.constraint(schema, table, constraint));
  }

  private static TranslatedError notNull(Connection c, SqlStatement statement, TranslatedError base)
      throws SQLException {
    String column = base.object().column();
    FailingRowProbe.Target target = FailingRowProbe.target(statement.sql());
    List<String[]> tables = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(NOT_NULL_TABLES)) {
      ps.setString(1, column);
      ps.setString(2, target == null ? null : target.table());
      ps.setString(3, target == null ? null : target.table());
      ps.setString(4, target == null ? null : target.schema());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    if (tables.size() != 1) {
      return null; // a cascade into another table, or a name several tables share
    }
    String schema = tables.get(0)[0];
    String table = tables.get(0)[1];
    String detail =
        target != null && table.equals(target.table())
            ? failingRow(c, statement, schema, table, quote(column) + " IS NULL")
            : null;
    return new TranslatedError(
        base.sqlState(),
        "null value in column \""
            + column
            + "\" of relation \""
            + table
            + "\" violates not-null constraint",
        detail,
        ErrorObject.column(schema, table, column));
  }

  /** {@code Key (id)=(1) already exists.}: H2 shows the whole row, not the key. */
  private static TranslatedError primaryKey(Connection c, TranslatedError base, SQLException e)
      throws SQLException {
    List<String> row = H2ErrorTranslator.primaryKeyRow(e);
    ErrorObject object = base.object();
    if (row == null || object.table() == null) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, object.schema());
      ps.setString(2, object.table());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    List<String> values = row.subList(1, row.size());
    if (columns.size() != values.size()) {
      return null;
    }
    List<String> key = new ArrayList<>();
    for (String column : row.get(0).split(",\\s*")) {
      int at = columns.indexOf(column);
      if (at < 0) {
        return null;
      }
      key.add(values.get(at));
    }
    return new TranslatedError(
        base.sqlState(),
        base.message(),
        "Key (" + row.get(0) + ")=(" + String.join(", ", key) + ") already exists.",
        object);
  }

  /** {@code Failing row contains (...).}, or null if the statement's rows cannot be recomputed. */
  private static String failingRow(
      Connection c, SqlStatement statement, String schema, String table, String violated)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    Map<String, String> missing = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          columns.add(name);
          if ("YES".equals(rs.getString(3))) {
            // The failed statement drew the failing row's identity value last.
            missing.put(name, Long.toString(rs.getLong(4) - rs.getLong(5)));
          } else if (rs.getString(2) != null) {
            String value = drawnAlready(rs.getString(2));
            // now() is kept as LOCALTIMESTAMP: in a timestamptz column the row holds it with zone.
            missing.put(
                name,
                "TIMESTAMP WITH TIME ZONE".equalsIgnoreCase(rs.getString(6))
                    ? "CAST((" + value + ") AS TIMESTAMP WITH TIME ZONE)"
                    : value);
          }
        }
      }
    }
    String probe = FailingRowProbe.query(statement.sql(), columns, missing, violated);
    if (probe == null || drawsFromSequence(probe)) {
      return null; // recomputing would move a sequence again
    }
    try (PreparedStatement ps = c.prepareStatement(probe)) {
      int used = ps.getParameterMetaData().getParameterCount();
      List<Object> parameters = statement.parameters();
      CommandApplier.bind(ps, parameters.subList(0, Math.min(used, parameters.size())));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        StringBuilder row = new StringBuilder("Failing row contains (");
        for (int i = 1; i <= columns.size(); i++) {
          row.append(i == 1 ? "" : ", ").append(text(rs, i));
        }
        return row.append(").").toString();
      }
    }
  }

  /** A value as PostgreSQL's output functions print it in a failing row. */
  private static String text(ResultSet rs, int i) throws SQLException {
    Object value = rs.getObject(i);
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    return rs.getString(i);
  }

  /** A default that draws from a sequence: the value the failed statement drew. */
  private static String drawnAlready(String columnDefault) {
    return NEXT_VALUE.matcher(columnDefault).replaceAll("CURRENT VALUE FOR ");
  }

  private static boolean drawsFromSequence(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    return lower.contains("next value for") || lower.contains("nextval");
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
