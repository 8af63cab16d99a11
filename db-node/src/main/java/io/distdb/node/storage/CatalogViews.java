package io.distdb.node.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The schema {@value #SCHEMA}: views that complete H2's PostgreSQL-mode {@code pg_catalog} where
 * clients read columns, rows or functions it lacks. The dialect maps those {@code pg_catalog} names
 * onto these views ({@code dialect.CatalogRewrite}); clients cannot name the schema themselves.
 *
 * <p>The views are installed with the database's first administrator connection, before any client
 * statement, on the master and on every replica alike, and never replaced afterwards: H2's object
 * ids, which are the OIDs its {@code pg_catalog} reports, are allocated in the same order
 * everywhere, so the OIDs of user objects are equal on every replica and stable across restarts.
 * Views hold no rows, so the database checksum (base tables) does not see them, and they read only
 * H2's metadata, never a user table.
 */
public final class CatalogViews {

  /** The schema of the views. */
  public static final String SCHEMA = "distdb_catalog";

  private static final String KEYWORDS = "pg-keywords.tsv";
  private static final String TYPES = "pg-types.tsv";
  private static final String RELATIONS = "pg-catalog.sql";

  /** distdb's own schemas (namespace alias n) are not the client's business. */
  private static final String HIDE_OWN_SCHEMAS =
      " WHERE n.nspname NOT IN ('" + AppliedLsn.SCHEMA + "', '" + SCHEMA + "')";

  private CatalogViews() {}

  /**
   * Creates the views unless the schema exists already (as administrator).
   *
   * @param database the distdb database's name, which {@code current_database()} answers (H2's own
   *     name for every database is its file's, "data")
   */
  static void installIfMissing(Connection admin, String database) throws SQLException {
    try (Statement s = admin.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "'")) {
        if (rs.next()) {
          return;
        }
      }
      for (String sql : definitions(database)) {
        s.execute(sql);
      }
    }
  }

  static List<String> definitions(String database) {
    List<String> sql = new ArrayList<>();
    sql.add("CREATE SCHEMA " + SCHEMA);
    sql.add(view("current_database", "SELECT '" + database.replace("'", "''") + "' AS datname"));
    sql.add(view("pg_type", typesQuery()));
    // H2 names the key column "id"; distdb's own schemas are not the client's business.
    sql.add(
        view(
            "pg_namespace",
            "SELECT n.id AS oid, n.nspname, 10 AS nspowner, CAST(NULL AS VARCHAR) AS nspacl"
                + " FROM pg_catalog.pg_namespace n"
                + HIDE_OWN_SCHEMAS));
    // Limits pgjdbc asks for (getImportedKeys: max_index_keys), with PostgreSQL 15's values.
    sql.add(
        view(
            "pg_settings",
            "SELECT s.name, s.setting FROM pg_catalog.pg_settings s"
                + " UNION ALL SELECT * FROM (VALUES ('max_index_keys', '32'),"
                + " ('max_identifier_length', '63'), ('server_version_num', '150000'))"
                + " AS x(name, setting)"));
    sql.add(view("pg_get_keywords", keywordsQuery()));
    sql.addAll(statements(readResource(RELATIONS)));
    return sql;
  }

  /**
   * The statements of a SQL resource: each ends with ';' at a line's end; "--" lines are comments.
   */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("--") || line.isBlank()) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String statement = current.toString().strip();
        out.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    return out;
  }

  private static String view(String name, String query) {
    return "CREATE VIEW " + SCHEMA + "." + name + " AS " + query;
  }

  /** PostgreSQL 15's {@code pg_get_keywords()}, recorded from a real server. */
  private static String keywordsQuery() {
    return "SELECT * FROM (VALUES "
        + values(KEYWORDS, "SSBSS")
        + ") AS k(word, catcode, barelabel, catdesc, baredesc)";
  }

  /**
   * PostgreSQL 15's built-in types (pg_catalog's and information_schema's scalar, pseudo and domain
   * types and their arrays, recorded from a real server) in the schema of that name here. Row types
   * of tables are not listed.
   */
  private static String typesQuery() {
    return "SELECT v.oid, v.typname, n.id AS typnamespace, 10 AS typowner, v.typlen, v.typbyval,"
        + " v.typtype, v.typcategory, v.typdelim, 0 AS typrelid, v.typelem, v.typarray,"
        + " v.typinput, v.typbasetype, v.typtypmod, v.typnotnull, 0 AS typndims,"
        + " 0 AS typcollation, CAST(NULL AS VARCHAR) AS typdefault FROM (VALUES "
        + values(TYPES, "ISSIBSSSIISIIB")
        + ") AS v(oid, typname, nspname, typlen, typbyval, typtype, typcategory, typdelim, typelem,"
        + " typarray, typinput, typbasetype, typtypmod, typnotnull)"
        + " JOIN pg_catalog.pg_namespace n ON n.nspname = v.nspname";
  }

  /**
   * The rows of a tab-separated resource as SQL VALUES rows; {@code kinds} has one letter per
   * column: I integer, B boolean ({@code t}/{@code f}), S string.
   */
  private static String values(String resource, String kinds) {
    return readResource(resource)
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] f = l.split("\t", -1);
              StringBuilder row = new StringBuilder("(");
              for (int i = 0; i < kinds.length(); i++) {
                row.append(i == 0 ? "" : ", ")
                    .append(
                        switch (kinds.charAt(i)) {
                          case 'I' -> String.valueOf(Long.parseLong(f[i]));
                          case 'B' -> "t".equals(f[i]) ? "TRUE" : "FALSE";
                          default -> "'" + f[i].replace("'", "''") + "'";
                        });
              }
              return row.append(')').toString();
            })
        .collect(Collectors.joining(", "));
  }

  private static String readResource(String name) {
    try (InputStream in = CatalogViews.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
