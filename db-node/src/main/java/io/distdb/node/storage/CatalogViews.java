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

  /** distdb's own schemas (namespace alias n) are not the client's business. */
  private static final String HIDE_OWN_SCHEMAS =
      " WHERE n.nspname NOT IN ('" + AppliedLsn.SCHEMA + "', '" + SCHEMA + "')";

  /** A constraint's columns joined by '_', as PostgreSQL names the constraints it names. */
  private static final String KEY_COLUMNS =
      "(SELECT LISTAGG(k.column_name, '_') WITHIN GROUP (ORDER BY k.ordinal_position)"
          + " FROM information_schema.key_column_usage k WHERE k.constraint_schema = n.nspname"
          + " AND k.constraint_name = c.conname)";

  /** H2's pg_attribute joined to information_schema.columns by schema, table and position. */
  private static final String ATTRIBUTE_COLUMNS =
      " FROM pg_catalog.pg_attribute a"
          + " LEFT JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
          + " LEFT JOIN pg_catalog.pg_namespace n ON n.id = c.relnamespace"
          + " LEFT JOIN information_schema.columns col ON col.table_schema = n.nspname"
          + " AND col.table_name = c.relname AND col.ordinal_position = a.attnum";

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
    // H2's pg_attribute with unbounded varchar reported as text (as result columns are, see
    // service.JdbcTypes), PostgreSQL's type modifiers (varchar(n): n + 4; numeric(p, s):
    // (p << 16 | s) + 4) and the columns PostgreSQL 10 (attidentity) and 12 (attgenerated) added,
    // from H2's information_schema.columns (metadata, never a user table).
    sql.add(
        view(
            "pg_attribute",
            "SELECT a.oid, a.attrelid, a.attname,"
                + " CASE WHEN col.data_type = 'character varying'"
                + " AND col.character_maximum_length >= 1000000000 THEN 25"
                + " ELSE a.atttypid END AS atttypid,"
                + " COALESCE((SELECT t.typlen FROM "
                + SCHEMA
                + ".pg_type t WHERE t.oid = a.atttypid), -1) AS attlen, a.attnum,"
                + " CASE WHEN col.data_type IN ('character varying', 'character')"
                + " AND col.character_maximum_length < 1000000000"
                + " THEN CAST(col.character_maximum_length AS INT) + 4"
                + " WHEN col.declared_numeric_precision IS NOT NULL"
                + " AND col.data_type IN ('numeric', 'decimal')"
                + " THEN col.declared_numeric_precision * 65536"
                + " + COALESCE(col.declared_numeric_scale, 0) + 4"
                + " ELSE a.atttypmod END AS atttypmod,"
                + " a.attnotnull, a.attisdropped,"
                + " col.column_default IS NOT NULL AS atthasdef,"
                + " CASE WHEN col.is_identity = 'YES' THEN CASE col.identity_generation"
                + " WHEN 'ALWAYS' THEN 'a' ELSE 'd' END ELSE '' END AS attidentity,"
                + " CAST('' AS VARCHAR) AS attgenerated"
                + ATTRIBUTE_COLUMNS));
    // Column defaults: adbin holds the default's text, which pg_get_expr returns as is.
    sql.add(
        view(
            "pg_attrdef",
            "SELECT a.oid, a.attrelid AS adrelid, a.attnum AS adnum, col.column_default AS adbin"
                + ATTRIBUTE_COLUMNS
                + " WHERE col.column_default IS NOT NULL"));
    // Constraints under PostgreSQL's names where H2 generated one (CONSTRAINT_5 → t_pkey,
    // t_a_fkey, t_a_key), H2's key columns; not deferrable (distdb checks at once).
    sql.add(
        view(
            "pg_constraint",
            "SELECT c.oid, CASE WHEN REGEXP_LIKE(c.conname, '^(?i)constraint_[0-9a-f]+$')"
                + " THEN CASE c.contype WHEN 'p' THEN t.relname || '_pkey'"
                + " WHEN 'f' THEN t.relname || '_' || "
                + KEY_COLUMNS
                + " || '_fkey' WHEN 'u' THEN t.relname || '_' || "
                + KEY_COLUMNS
                + " || '_key' ELSE c.conname END ELSE c.conname END AS conname,"
                + " n.id AS connamespace, c.contype, FALSE AS condeferrable,"
                + " FALSE AS condeferred, TRUE AS convalidated, c.conrelid, 0 AS contypid,"
                + " c.confrelid, c.conkey FROM pg_catalog.pg_constraint c"
                + " JOIN pg_catalog.pg_class t ON t.oid = c.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.id = t.relnamespace"
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
    // No extensions, so no object depends on one; Flyway's "is the schema empty" check joins it.
    sql.add(
        view(
            "pg_depend",
            "SELECT * FROM (VALUES (0, 0, 0, 0, 0, 0, 'n')) AS d(classid, objid, objsubid,"
                + " refclassid, refobjid, refobjsubid, deptype) WHERE 1 = 0"));
    return sql;
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
