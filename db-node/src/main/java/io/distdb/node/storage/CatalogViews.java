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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The schema {@value #SCHEMA}: views that complete H2's PostgreSQL-mode {@code pg_catalog} where
 * clients read columns, rows or functions it lacks. The dialect maps those {@code pg_catalog} names
 * onto these views ({@code dialect.CatalogRewrite}); clients cannot name the schema themselves.
 *
 * <p>The views are installed with the database's first administrator connection, before any client
 * statement, on the master and on every replica alike: H2's object ids, which are the OIDs its
 * {@code pg_catalog} reports, are allocated in the same order everywhere, so the OIDs of user
 * objects are equal on every replica and stable across restarts. Views hold no rows, so the
 * database checksum (base tables) does not see them, and they read only H2's metadata and the
 * session's variables, never a user table.
 *
 * <p>The view {@code catalog_version} holds {@link #VERSION}. A database whose version is older (or
 * has none: version 1 had no such view) gets every view again when this process first opens it,
 * with {@code CREATE OR REPLACE}: a replaced view keeps its object id, and the client's own views
 * over the catalog survive; only views new in this version take new ids. Every node runs the same
 * upgrade when it opens the database, before the applier or a client uses it, so the replicas end
 * up with the same views. A replica that was behind the master when both were upgraded applies its
 * missing schema changes after the upgrade rather than before: the OIDs of the objects those
 * changes create may then differ from the master's.
 */
public final class CatalogViews {

  /** The schema of the views. */
  public static final String SCHEMA = "distdb_catalog";

  private static final String KEYWORDS = "pg-keywords.tsv";
  private static final String TYPES = "pg-types.tsv";
  private static final String FUNCTIONS = "pg-proc.tsv";
  private static final String RELATIONS = "pg-catalog.sql";
  private static final String SETTINGS = "pg-settings.tsv";

  /** distdb's own schemas (namespace alias n) are not the client's business. */
  private static final String HIDE_OWN_SCHEMAS =
      " WHERE n.nspname NOT IN ('" + AppliedLsn.SCHEMA + "', '" + SCHEMA + "')";

  /**
   * The catalog's version: 2 added roles, databases, pg_proc, sessions, statistics, locks and more
   * of information_schema; 3 gave indexes their one page (relpages, as a new btree's metapage),
   * tables and views their row types and those types' arrays (pg_type, pg_class.reltype), json,
   * jsonb and text[] columns their types (pg_attribute), and added what pg_dump reads (tableoid
   * columns, the catalogs of objects distdb has none of, a view's dependencies on its tables); 4
   * added pg_statio_all_tables and pg_statio_user_tables (Sequelize's describeTable), gave identity
   * columns generated ALWAYS their sequence (pg_class, pg_sequence, pg_depend 'i') and defaults
   * drawing from a sequence object theirs ({@code nextval('s'::regclass)}, pg_depend); and gave
   * pg_statistic_ext the columns psql's {@code \d} reads, the public schema its owner
   * pg_database_owner and added pg_auth_members (psql's {@code \du}); 5 added the table of views'
   * PostgreSQL texts ({@link #VIEW_TEXT}), which pg_views, information_schema.views and
   * pg_get_viewdef show, and gave sequences PostgreSQL's default cache, 1, where the engine has its
   * own, 32; 6 listed enum types (pg_type, pg_enum, user_enum; their columns' types in pg_attribute
   * and information_schema.columns) and added pg_matviews (empty); 7 materialized the relations
   * clients join ({@link CatalogSnapshot}); 8 showed advisory locks in pg_locks and listed
   * pg_get_viewdef in pg_proc; 9 gave pg_settings PostgreSQL 15's rows and columns ({@link
   * #SETTINGS}), with the session's own values of the parameters it tracks.
   */
  static final int VERSION = 9;

  /** PostgreSQL's text of the views (since catalog version 5). */
  static final String VIEW_TEXT = AppliedLsn.SCHEMA + ".view_text";

  private CatalogViews() {}

  /**
   * Creates the views, or replaces them if the database's catalog is of an older version (as
   * administrator).
   *
   * @param database the distdb database's name, which {@code current_database()} answers (H2's own
   *     name for every database is its file's, "data")
   */
  static void installOrUpgrade(Connection admin, String database) throws SQLException {
    try (Statement s = admin.createStatement()) {
      if (installedVersion(s) == VERSION) {
        return;
      }
      for (String sql : definitions(database)) {
        s.execute(sql);
      }
    }
  }

  /** The database's catalog version: 0 without the schema, 1 without a version view. */
  static int installedVersion(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + SCHEMA
                + "' AND table_name IN ('current_database', 'catalog_version')")) {
      boolean schema = false;
      boolean versioned = false;
      while (rs.next()) {
        schema = true;
        versioned |= rs.getString(1).equals("catalog_version");
      }
      if (!versioned) {
        return schema ? 1 : 0;
      }
    }
    try (ResultSet rs = s.executeQuery("SELECT version FROM " + SCHEMA + ".catalog_version")) {
      return rs.next() ? rs.getInt(1) : 1;
    }
  }

  /**
   * Every view, each as {@code CREATE OR REPLACE}; the version view last, so that an upgrade cut
   * short runs again.
   */
  static List<String> definitions(String database) {
    List<String> sql = new ArrayList<>();
    sql.add("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    sql.add("CREATE SCHEMA IF NOT EXISTS " + AppliedLsn.SCHEMA);
    // PostgreSQL's text of each view, written with it (dialect.ViewSources, DumpFunctions).
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + VIEW_TEXT
            + " (view_schema VARCHAR NOT NULL, view_name VARCHAR NOT NULL,"
            + " engine_text VARCHAR NOT NULL, definition VARCHAR NOT NULL, pretty VARCHAR NOT NULL,"
            + " PRIMARY KEY (view_schema, view_name))");
    sql.addAll(CatalogSnapshot.engineCopyStatements());
    for (ConstantTable t : List.of(BUILTIN_TYPE, BUILTIN_PROC, KEYWORD, SETTING)) {
      sql.addAll(t.statements());
    }
    sql.add(view("current_database", "SELECT '" + database.replace("'", "''") + "' AS datname"));
    sql.addAll(javaView("user_enum", ENUM_TYPES));
    sql.addAll(javaView("pg_type", typesQuery()));
    // H2 names the key column "id"; distdb's own schemas are not the client's business.
    sql.addAll(
        javaView(
            "pg_namespace",
            // PostgreSQL 15's public schema belongs to pg_database_owner (6171).
            "SELECT n.id AS oid, n.nspname,"
                + " CASE WHEN n.nspname = 'public' THEN 6171 ELSE 10 END AS nspowner,"
                + " CAST(NULL AS VARCHAR) AS nspacl,"
                + " 2615 AS tableoid FROM pg_catalog.pg_namespace n"
                + HIDE_OWN_SCHEMAS));
    sql.add(view("pg_settings", settingsQuery()));
    sql.add(view("pg_get_keywords", keywordsQuery()));
    sql.add(view("proc_signature", functionsQuery()));
    sql.add(
        view(
            "pg_proc",
            "SELECT oid, proname, pronamespace, proowner, prolang, procost, prorows, provariadic,"
                + " prosupport, prokind, prosecdef, proleakproof, proisstrict, proretset,"
                + " provolatile, proparallel, pronargs, pronargdefaults, prorettype, proargtypes,"
                + " proallargtypes, proargmodes, proargnames, proargdefaults, protrftypes, prosrc,"
                + " probin, prosqlbody, proconfig, proacl, 1255 AS tableoid FROM "
                + SCHEMA
                + ".proc_signature"));
    for (String statement : statements(readResource(RELATIONS))) {
      Matcher m = RESOURCE_VIEW.matcher(statement);
      if (m.matches() && CatalogSnapshot.isMaterialized(m.group(2))) {
        sql.addAll(CatalogSnapshot.installStatements(m.group(2), m.group(3), m.group(1) != null));
      } else {
        sql.add(statement.replaceFirst("^CREATE (FORCE )?VIEW ", "CREATE OR REPLACE $1VIEW "));
      }
    }
    sql.add(view("catalog_version", "SELECT " + VERSION + " AS version"));
    return sql;
  }

  /** A view of the resource: FORCE or not, its name in {@value #SCHEMA}, its query. */
  private static final Pattern RESOURCE_VIEW =
      Pattern.compile("CREATE (FORCE )?VIEW " + SCHEMA + "\\.(\\w+) AS\\s(.*)", Pattern.DOTALL);

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
    return "CREATE OR REPLACE VIEW " + SCHEMA + "." + name + " AS " + query;
  }

  /** A view defined in Java: materialized ({@link CatalogSnapshot}) or plain. */
  private static List<String> javaView(String name, String query) {
    return CatalogSnapshot.isMaterialized(name)
        ? CatalogSnapshot.installStatements(name, query, false)
        : List.of(view(name, query));
  }

  /**
   * Rows recorded from a real PostgreSQL 15 (a tab-separated resource), kept as a table of their
   * own: as a VALUES list in a view, the engine would parse and plan thousands of literals every
   * time a statement reads the view.
   */
  record ConstantTable(String name, String resource, String kinds, String columns) {

    String table() {
      return SCHEMA + "." + name;
    }

    /**
     * Creates the table if this database has none yet and fills it afresh: a table of an older
     * catalog version may hold other rows, and the views over it keep it as it is.
     */
    List<String> statements() {
      String rows = "SELECT * FROM (VALUES " + values(resource, kinds) + ") AS v(" + columns + ")";
      return List.of(
          "CREATE TABLE IF NOT EXISTS " + table() + " AS " + rows + " WITH NO DATA",
          "DELETE FROM " + table(),
          "INSERT INTO " + table() + " " + rows);
    }
  }

  private static final ConstantTable BUILTIN_TYPE =
      new ConstantTable(
          "builtin_type",
          TYPES,
          "ISSIBSSSIISIIB",
          "oid, typname, nspname, typlen, typbyval, typtype, typcategory, typdelim, typelem,"
              + " typarray, typinput, typbasetype, typtypmod, typnotnull");

  private static final ConstantTable BUILTIN_PROC =
      new ConstantTable(
          "builtin_proc",
          FUNCTIONS,
          "ISSIVIIBSBSISSISBSSSS",
          "oid, proname, prokind, prorettype, proargtypes, pronargs, pronargdefaults, proretset,"
              + " provolatile, proisstrict, proparallel, prolang, procost, prorows, provariadic,"
              + " prosupport, proleakproof, prosrc, result, arguments, identity_arguments");

  private static final ConstantTable KEYWORD =
      new ConstantTable(
          "keyword", KEYWORDS, "SSBSS", "word, catcode, barelabel, catdesc, baredesc");

  /**
   * PostgreSQL 15's pg_proc rows (recorded from a real server) of the functions distdb answers and
   * those tools commonly call, all overloads of each name, with what {@code
   * pg_get_function_result}, {@code pg_get_function_arguments} and {@code
   * pg_get_function_identity_arguments} answer for them. Not every function distdb runs is listed.
   * proargtypes is an INT ARRAY, as pg_index's indkey (see dialect/DESIGN.md), declared with 100
   * elements at most, which the session reports as oidvector, printed as PostgreSQL prints it.
   */
  private static String functionsQuery() {
    return "SELECT v.oid, v.proname, n.id AS pronamespace, 10 AS proowner, v.prolang,"
        + " CAST(v.procost AS REAL) AS procost, CAST(v.prorows AS REAL) AS prorows, v.provariadic,"
        + " v.prosupport, v.prokind, FALSE AS prosecdef, v.proleakproof, v.proisstrict,"
        + " v.proretset, v.provolatile, v.proparallel, CAST(v.pronargs AS SMALLINT) AS pronargs,"
        + " CAST(v.pronargdefaults AS SMALLINT) AS pronargdefaults, v.prorettype,"
        // INTEGER ARRAY[100]: the session reports it as oidvector (service.JdbcTypes).
        + " CAST(v.proargtypes AS INTEGER ARRAY[100]) AS proargtypes,"
        + " CAST(NULL AS INT ARRAY) AS proallargtypes, CAST(NULL AS VARCHAR ARRAY) AS proargmodes,"
        + " CAST(NULL AS VARCHAR ARRAY) AS proargnames, CAST(NULL AS VARCHAR) AS proargdefaults,"
        + " CAST(NULL AS INT ARRAY) AS protrftypes, v.prosrc, CAST(NULL AS VARCHAR) AS probin,"
        + " CAST(NULL AS VARCHAR) AS prosqlbody, CAST(NULL AS VARCHAR ARRAY) AS proconfig,"
        + " CAST(NULL AS VARCHAR ARRAY) AS proacl, v.result, v.arguments, v.identity_arguments"
        + " FROM "
        + BUILTIN_PROC.table()
        + " v JOIN pg_catalog.pg_namespace n ON n.nspname = 'pg_catalog'";
  }

  /**
   * PostgreSQL 15's pg_settings rows, recorded from a real server (with the built-in values where
   * the Debian server's configuration file or the recording client changed them: distdb has no
   * configuration file). server_version_num is distdb's announced 150000.
   */
  private static final ConstantTable SETTING =
      new ConstantTable(
          "builtin_setting",
          SETTINGS,
          "SNNSSNSSSNNANNB",
          "name, setting, unit, category, short_desc, extra_desc, context, vartype, source,"
              + " min_val, max_val, enumvals, boot_val, reset_val, pending_restart");

  /** The session's parameters ({@link SettingFunctions#VARIABLE}) as a text array. */
  private static final String SESSION_SETTINGS =
      "CAST(" + SettingFunctions.VARIABLE + " AS VARCHAR ARRAY)";

  /**
   * pg_settings: PostgreSQL 15's rows, each with the session's value where the session tracks the
   * parameter (search_path, TimeZone, application_name...). The session's parameters are one
   * variable of name, value pairs; a fixed range indexes them (the engine plans a range bounded by
   * a variable once, when the view is created). Neither file nor line: distdb has no configuration
   * file.
   */
  private static String settingsQuery() {
    return "SELECT s.name, COALESCE(v.val, s.setting) AS setting, s.unit, s.category,"
        + " s.short_desc, s.extra_desc, s.context, s.vartype, s.source, s.min_val, s.max_val,"
        + " s.enumvals, s.boot_val, s.reset_val, CAST(NULL AS VARCHAR) AS sourcefile,"
        + " CAST(NULL AS INTEGER) AS sourceline, s.pending_restart FROM "
        + SETTING.table()
        + " s LEFT JOIN (SELECT k.e AS pname, w.e AS val FROM UNNEST("
        + SESSION_SETTINGS
        + ") WITH ORDINALITY AS k(e, i) JOIN UNNEST("
        + SESSION_SETTINGS
        + ") WITH ORDINALITY AS w(e, i) ON w.i = k.i + 1 WHERE MOD(k.i, 2) = 1) "
        + "v ON v.pname = LOWER(s.name)";
  }

  /** PostgreSQL 15's {@code pg_get_keywords()}, recorded from a real server. */
  private static String keywordsQuery() {
    return "SELECT * FROM " + KEYWORD.table();
  }

  /**
   * The OID of a user table's or view's row type is this plus twice the relation's OID (H2's object
   * id, equal on every node), its array type's one more: both stable across renames and clear of
   * PostgreSQL's built-in OIDs and distdb's sequence OIDs (2^30 and up).
   */
  static final int ROW_TYPE_BASE = 1 << 29;

  /**
   * PostgreSQL 15's built-in types (pg_catalog's and information_schema's scalar, pseudo and domain
   * types and their arrays, recorded from a real server) in the schema of that name here, and, as
   * PostgreSQL makes them, each user table's and view's composite row type (typrelid the relation)
   * and that type's array ({@code _name}), which pgjdbc's getTypeInfo and TypeInfoCache list.
   */
  private static String typesQuery() {
    return "SELECT * FROM (SELECT v.oid, v.typname, n.id AS typnamespace, 10 AS typowner,"
        + " v.typlen, v.typbyval, v.typtype, v.typcategory, v.typdelim, 0 AS typrelid, v.typelem,"
        + " v.typarray, v.typinput, v.typbasetype, v.typtypmod, v.typnotnull, 0 AS typndims,"
        + " CASE WHEN v.oid IN (25, 1042, 1043, 1009, 1014, 1015) THEN 100"
        + " WHEN v.oid IN (19, 1003) THEN 950 ELSE 0 END AS typcollation,"
        + " CAST(NULL AS VARCHAR) AS typdefault, TRUE AS typisdefined,"
        + " CAST(NULL AS VARCHAR ARRAY) AS typacl, 1247 AS tableoid,"
        + " CASE WHEN v.typlen <> -1 THEN 'p' WHEN v.oid = 1700 THEN 'm' ELSE 'x' END"
        + " AS typstorage,"
        + " CASE WHEN v.typlen IN (1, -2) THEN 'c' WHEN v.typlen = 2 THEN 's'"
        + " WHEN v.typlen = 8 THEN 'd' ELSE 'i' END AS typalign FROM "
        + BUILTIN_TYPE.table()
        + " v JOIN pg_catalog.pg_namespace n ON n.nspname = v.nspname"
        + " UNION ALL SELECT "
        + ROW_TYPE_BASE
        + " + 2 * c.oid, c.relname, n.id, 10, -1, FALSE, 'c', 'C', ',', c.oid, 0, "
        + (ROW_TYPE_BASE + 1)
        + " + 2 * c.oid, 'record_in', 0, -1, FALSE, 0, 0, NULL, TRUE, NULL, 1247, 'x', 'd'"
        + USER_RELATIONS
        + " UNION ALL SELECT "
        + (ROW_TYPE_BASE + 1)
        + " + 2 * c.oid, '_' || c.relname, n.id, 10, -1, FALSE, 'b', 'A', ',', 0, "
        + ROW_TYPE_BASE
        + " + 2 * c.oid, 0, 'array_in', 0, -1, FALSE, 0, 0, NULL, TRUE, NULL, 1247, 'x', 'd'"
        + USER_RELATIONS
        + " UNION ALL SELECT e.oid, e.typname, e.typnamespace, 10, 4, TRUE, 'e', 'E', ',', 0, 0,"
        + " e.oid + 1, 'enum_in', 0, -1, FALSE, 0, 0, NULL, TRUE, NULL, 1247, 'p', 'i' FROM "
        + SCHEMA
        + ".user_enum e UNION ALL SELECT e.oid + 1, '_' || e.typname, e.typnamespace, 10, -1,"
        + " FALSE, 'b', 'A', ',', 0, e.oid, 0, 'array_in', 0, -1, FALSE, 0, 0, NULL, TRUE, NULL,"
        + " 1247, 'x', 'i' FROM "
        + SCHEMA
        + ".user_enum e) AS u";
  }

  /**
   * The user's enum types: {@code CREATE TYPE ... AS ENUM} is one of the engine's domains (over its
   * ENUM type). OID 2^30 + an even hash of schema and name (its array type's the odd one after it),
   * equal on every node; it changes on a rename, as a sequence's does.
   */
  private static final String ENUM_TYPES =
      "SELECT "
          + enumTypeOid("d.domain_schema", "d.domain_name")
          + " AS oid, d.domain_name AS typname, n.id AS typnamespace,"
          + " d.domain_schema AS nspname"
          + " FROM information_schema.domains d JOIN pg_catalog.pg_namespace n"
          + " ON n.nspname = d.domain_schema WHERE d.data_type = 'ENUM' AND d.domain_schema"
          + " NOT IN ('"
          + AppliedLsn.SCHEMA
          + "', '"
          + SCHEMA
          + "')";

  /**
   * The SQL expression of an enum type's OID from its domain's schema and name: what the catalog
   * lists, and what a result column of the type announces (service.EnumTypeOids).
   */
  public static String enumTypeOid(String schemaExpression, String nameExpression) {
    return "CAST(1073741824 + 2 * ORA_HASH('enum ' || "
        + schemaExpression
        + " || '.' || "
        + nameExpression
        + ", 536870910) AS INT)";
  }

  /** The user's tables and views (alias c) and their schemas (alias n), as a FROM clause. */
  private static final String USER_RELATIONS =
      " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.id = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'v') AND n.nspname NOT IN ('"
          + AppliedLsn.SCHEMA
          + "', '"
          + SCHEMA
          + "', 'pg_catalog', 'information_schema')";

  /**
   * The rows of a tab-separated resource as SQL VALUES rows; {@code kinds} has one letter per
   * column: I integer, B boolean ({@code t}/{@code f}), S string, N string or {@code \\N} for NULL,
   * A a text array's text ({@code {a,"b c"}}, or {@code \\N}) as a VARCHAR ARRAY, V integers
   * separated by spaces (an oidvector's text) as an INT ARRAY.
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
                          case 'N' ->
                              NULL.equals(f[i])
                                  ? "CAST(NULL AS VARCHAR)"
                                  : "'" + f[i].replace("'", "''") + "'";
                          case 'A' -> textArray(f[i]);
                          case 'V' ->
                              "CAST(ARRAY["
                                  + String.join(
                                      ", ", f[i].isBlank() ? new String[0] : f[i].split(" "))
                                  + "] AS INT ARRAY)";
                          default -> "'" + f[i].replace("'", "''") + "'";
                        });
              }
              return row.append(')').toString();
            })
        .collect(Collectors.joining(", "));
  }

  private static final String NULL = "\\N";

  /**
   * A text array's text ({@code {a,"b c",""}}) as a VARCHAR ARRAY literal; no element has a comma.
   */
  private static String textArray(String text) {
    if (NULL.equals(text)) {
      return "CAST(NULL AS VARCHAR ARRAY)";
    }
    String inner = text.substring(1, text.length() - 1);
    List<String> elements = new ArrayList<>();
    for (String e : inner.isEmpty() ? new String[0] : inner.split(",", -1)) {
      String bare = e.startsWith("\"") ? e.substring(1, e.length() - 1) : e;
      elements.add("'" + bare.replace("'", "''") + "'");
    }
    return "CAST(ARRAY[" + String.join(", ", elements) + "] AS VARCHAR ARRAY)";
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
