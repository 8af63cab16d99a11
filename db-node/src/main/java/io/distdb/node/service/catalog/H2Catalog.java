package io.distdb.node.service.catalog;

import io.distdb.node.service.SqlException;
import io.distdb.node.storage.AppliedLsn;
import io.distdb.node.storage.CatalogViews;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what the catalog answers need from H2's INFORMATION_SCHEMA on the session's own connection
 * (so a session inside a transaction sees its own uncommitted DDL, as in PostgreSQL). Schemas that
 * are the engine's or distdb's own are never shown.
 */
final class H2Catalog {

  private static final String HIDDEN_SCHEMAS =
      "('information_schema', 'pg_catalog', '"
          + AppliedLsn.SCHEMA
          + "', '"
          + CatalogViews.SCHEMA
          + "')";

  /** H2's name for a constraint created without one (CONSTRAINT_5, constraint_a3). */
  private static final Pattern GENERATED_NAME = Pattern.compile("(?i)constraint_[0-9a-f]+");

  /** A table or view; {@code kind} is pg_class.relkind: 'r' or 'v'. */
  record Relation(String schema, String name, String kind) {}

  record ColumnInfo(
      String name,
      String type,
      String defaultExpr,
      boolean notNull,
      String identity,
      String generated) {}

  /**
   * An index as PostgreSQL would list it: constraint-backed indexes carry the constraint's name.
   *
   * @param constraintType 'p', 'u' or null
   */
  record IndexInfo(
      String name, boolean primary, boolean unique, String constraintType, List<String> columns) {}

  private final Connection connection;

  H2Catalog(Connection connection) {
    this.connection = connection;
  }

  /** The session's current schema, which pg_table_is_visible stands for. */
  String currentSchema() throws SqlException {
    try {
      return connection.getSchema();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  List<String> schemas() throws SqlException {
    List<String> out = new ArrayList<>();
    query(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN "
            + HIDDEN_SCHEMAS
            + " ORDER BY schema_name",
        List.of(),
        rs -> out.add(rs.getString(1)));
    return out;
  }

  List<Relation> relations() throws SqlException {
    List<Relation> out = new ArrayList<>();
    query(
        "SELECT table_schema, table_name, table_type FROM information_schema.tables"
            + " WHERE table_schema NOT IN "
            + HIDDEN_SCHEMAS
            + " AND table_type IN ('BASE TABLE', 'VIEW')",
        List.of(),
        rs ->
            out.add(
                new Relation(
                    rs.getString(1), rs.getString(2), rs.getString(3).equals("VIEW") ? "v" : "r")));
    return out;
  }

  List<ColumnInfo> columns(String schema, String table) throws SqlException {
    List<ColumnInfo> out = new ArrayList<>();
    query(
        "SELECT column_name, data_type, character_maximum_length, numeric_precision,"
            + " numeric_scale, datetime_precision, is_nullable, column_default, is_identity,"
            + " identity_generation, is_generated, generation_expression"
            + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
            + " ORDER BY ordinal_position",
        List.of(schema, table),
        rs -> {
          String type =
              PgTypeNames.format(
                  rs.getString(2),
                  (Long) rs.getObject(3, Long.class),
                  rs.getObject(4, Integer.class),
                  rs.getObject(5, Integer.class),
                  rs.getObject(6, Integer.class));
          boolean identity = "YES".equals(rs.getString(9));
          boolean generated = "ALWAYS".equals(rs.getString(11));
          String def =
              generated ? rs.getString(12) : PgTypeNames.defaultExpr(rs.getString(8), type);
          out.add(
              new ColumnInfo(
                  rs.getString(1),
                  type,
                  identity ? null : def,
                  "NO".equals(rs.getString(7)),
                  identity ? ("ALWAYS".equals(rs.getString(10)) ? "a" : "d") : "",
                  generated ? "s" : ""));
        });
    return out;
  }

  List<IndexInfo> indexes(String schema, String table) throws SqlException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    query(
        "SELECT index_name, column_name, ordering_specification"
            + " FROM information_schema.index_columns WHERE table_schema = ? AND table_name = ?"
            + " ORDER BY index_name, ordinal_position",
        List.of(schema, table),
        rs ->
            columns
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(
                    PgTypeNames.quoteIdent(rs.getString(2))
                        + ("DESC".equals(rs.getString(3)) ? " DESC" : "")));
    List<IndexInfo> out = new ArrayList<>();
    query(
        "SELECT i.index_name, i.index_type_name, i.is_generated, c.constraint_name,"
            + " c.constraint_type FROM information_schema.indexes i"
            + " LEFT JOIN information_schema.table_constraints c ON c.index_schema = i.index_schema"
            + " AND c.index_name = i.index_name AND c.table_name = i.table_name"
            + " AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
            + " WHERE i.table_schema = ? AND i.table_name = ?",
        List.of(schema, table),
        rs -> {
          String constraint = rs.getString(4);
          if (constraint == null && rs.getBoolean(3)) {
            // H2 made this index for a foreign key; PostgreSQL has none for it.
            return;
          }
          boolean primary = "PRIMARY KEY".equals(rs.getString(5));
          List<String> cols = columns.getOrDefault(rs.getString(1), List.of());
          String name =
              constraint == null
                  ? rs.getString(1)
                  : GENERATED_NAME.matcher(constraint).matches()
                      ? postgresConstraintName(table, primary, cols)
                      : constraint;
          boolean unique = primary || rs.getString(2).contains("UNIQUE");
          out.add(
              new IndexInfo(
                  name, primary, unique, constraint == null ? null : primary ? "p" : "u", cols));
        });
    return out;
  }

  /**
   * The name PostgreSQL gives a constraint declared without one, t_pkey or t_a_b_key, rather than
   * H2's CONSTRAINT_5: \d then prints what a PostgreSQL user expects.
   */
  private static String postgresConstraintName(String table, boolean primary, List<String> cols) {
    if (primary) {
      return table + "_pkey";
    }
    StringBuilder b = new StringBuilder(table);
    for (String c : cols) {
      b.append('_').append(c.replace("\"", "").replace(" DESC", ""));
    }
    return b.append("_key").toString();
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<String> args, RowHandler handler) throws SqlException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setString(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static SqlException failed(SQLException e) {
    return new SqlException("XX000", "cannot read the catalog: " + e.getMessage(), e);
  }
}
