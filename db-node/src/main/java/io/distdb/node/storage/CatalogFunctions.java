package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's catalog functions that clients call in their introspection queries ({@code
 * format_type}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code
 * pg_get_serial_sequence}, {@code pg_table_is_visible}, {@code pg_type_is_visible}, {@code
 * obj_description}, {@code col_description}, {@code pg_get_userbyid}, {@code to_regclass}, {@code
 * pg_get_function_result} ...) and the {@code ::regclass} conversions, as H2 aliases in {@code
 * distdb_catalog} that {@code dialect.CatalogRewrite} calls instead of H2's own (PostgreSQL mode
 * ships some, answering null or H2's names). Those taking a connection read only the catalog views
 * of {@link CatalogViews} through the calling session, never a user table, so they see exactly what
 * the session's catalog shows, on a master as on a replica.
 *
 * <p>Like {@link PostgresFunctions}, this class is one the engine may load ({@link
 * EngineHardening}): it must never touch files, the network, threads or state.
 */
public final class CatalogFunctions {

  private static final String SCHEMA = CatalogViews.SCHEMA;

  /**
   * The prefix of the aliases' names: H2 refuses an alias named as one of its own functions, and
   * its PostgreSQL mode has some of these ({@code pg_get_indexdef}, {@code format_type}).
   */
  public static final String PREFIX = "d_";

  /**
   * PostgreSQL's catalog functions, called by clients by name (dialect.CatalogRewrite sends those
   * calls, qualified or not, to their aliases): SQL name → Java method.
   */
  public static final Map<String, String> FUNCTIONS =
      Map.ofEntries(
          Map.entry("format_type", "formatType"),
          Map.entry("pg_get_constraintdef", "constraintDef"),
          Map.entry("pg_get_indexdef", "indexDef"),
          Map.entry("pg_get_serial_sequence", "serialSequence"),
          Map.entry("pg_table_is_visible", "tableIsVisible"),
          Map.entry("pg_type_is_visible", "typeIsVisible"),
          Map.entry("pg_function_is_visible", "functionIsVisible"),
          Map.entry("pg_relation_is_publishable", "relationIsPublishable"),
          Map.entry("obj_description", "objDescription"),
          Map.entry("shobj_description", "objDescription"),
          Map.entry("col_description", "colDescription"),
          Map.entry("pg_size_pretty", "sizePretty"),
          Map.entry("pg_relation_size", "relationSize"),
          Map.entry("pg_table_size", "relationSize"),
          Map.entry("pg_total_relation_size", "relationSize"),
          Map.entry("pg_indexes_size", "indexesSize"),
          Map.entry("pg_database_size", "databaseSize"),
          Map.entry("regtype_names", "regtypeNames"),
          Map.entry("key_column_names", "keyColumnNames"),
          Map.entry("pg_get_userbyid", "userById"),
          Map.entry("to_regclass", "toRegclass"),
          Map.entry("pg_get_function_result", "functionResult"),
          Map.entry("pg_get_function_arguments", "functionArguments"),
          Map.entry("pg_get_function_identity_arguments", "functionIdentityArguments"),
          Map.entry("pg_encoding_to_char", "encodingName"));

  /**
   * Aliases that only the dialect's rewrites write (casts to regclass and regtype, pg_get_expr of
   * more than a column): SQL name → Java method.
   */
  private static final Map<String, String> HELPERS =
      Map.of(
          "regclass_oid", "regclass",
          "regclass_name", "regclassName",
          "pg_get_expr", "expression",
          "regtype_oid", "regtype");

  private CatalogFunctions() {}

  static void install(Connection admin) throws SQLException {
    install(admin, CatalogFunctions.class, FUNCTIONS);
    install(admin, CatalogFunctions.class, HELPERS);
  }

  /** Installs {@code aliases} (SQL name → static method of {@code functions}) as d_ aliases. */
  static void install(Connection admin, Class<?> functions, Map<String, String> aliases)
      throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (Map.Entry<String, String> e : aliases.entrySet()) {
        s.execute(
            "CREATE ALIAS IF NOT EXISTS "
                + SCHEMA
                + "."
                + PREFIX
                + e.getKey()
                + " FOR '"
                + functions.getName()
                + "."
                + e.getValue()
                + "'");
      }
    }
  }

  /**
   * An array of type OIDs as {@code ::regtype[]} prints it, each type's name as {@link #formatType}
   * gives it (dialect.CatalogCasts writes {@code oids::regtype[]} so). Array arguments are typed
   * {@code Integer[]}: a {@code java.sql.Array} one is an array of no element type to the engine,
   * and its INFORMATION_SCHEMA.ELEMENT_TYPES then fails on every query of the database.
   */
  public static String[] regtypeNames(Connection c, Integer[] oids) throws SQLException {
    if (oids == null) {
      return null;
    }
    Integer[] values = oids;
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i] == null ? null : formatType(c, ((Number) values[i]).intValue(), null);
    }
    return names;
  }

  /** PostgreSQL's SQL spelling of a type and modifier ({@code character varying(20)}). */
  public static String formatType(Connection c, Integer oid, Integer typmod) throws SQLException {
    if (oid == null) {
      return null;
    }
    if (oid == 0) {
      return "-"; // PostgreSQL's name for no type (InvalidOid), as 0::regtype::text is
    }
    String name = BUILT_IN.get(oid);
    if (name == null) {
      String typname = one(c, "SELECT typname FROM " + SCHEMA + ".pg_type WHERE oid = ?", oid);
      if (typname == null) {
        return "???";
      }
      if (typname.startsWith("_")) {
        Integer element =
            intOne(c, "SELECT typelem FROM " + SCHEMA + ".pg_type WHERE oid = ?", oid);
        return formatType(c, element, typmod) + "[]";
      }
      return typname;
    }
    int mod = typmod == null ? -1 : typmod;
    return switch (oid) {
      case 1043, 1042 -> mod >= 4 ? name + "(" + (mod - 4) + ")" : name;
      case 1700 ->
          mod >= 4 ? name + "(" + ((mod - 4) >> 16) + "," + ((mod - 4) & 0xffff) + ")" : name;
      case 1114, 1184, 1083, 1266 -> {
        if (mod < 0) {
          yield name;
        }
        int space = name.indexOf(' ');
        yield name.substring(0, space) + "(" + mod + ")" + name.substring(space);
      }
      default -> name;
    };
  }

  private static final Map<Integer, String> BUILT_IN =
      Map.ofEntries(
          Map.entry(16, "boolean"),
          Map.entry(17, "bytea"),
          Map.entry(18, "\"char\""),
          Map.entry(19, "name"),
          Map.entry(20, "bigint"),
          Map.entry(21, "smallint"),
          Map.entry(23, "integer"),
          Map.entry(25, "text"),
          Map.entry(26, "oid"),
          Map.entry(114, "json"),
          Map.entry(700, "real"),
          Map.entry(701, "double precision"),
          Map.entry(1042, "character"),
          Map.entry(1043, "character varying"),
          Map.entry(1082, "date"),
          Map.entry(1083, "time without time zone"),
          Map.entry(1114, "timestamp without time zone"),
          Map.entry(1184, "timestamp with time zone"),
          Map.entry(1186, "interval"),
          Map.entry(1266, "time with time zone"),
          Map.entry(1700, "numeric"),
          Map.entry(2950, "uuid"),
          Map.entry(3802, "jsonb"),
          Map.entry(1000, "boolean[]"),
          Map.entry(1005, "smallint[]"),
          Map.entry(1007, "integer[]"),
          Map.entry(1009, "text[]"),
          Map.entry(1016, "bigint[]"),
          Map.entry(1015, "character varying[]"));

  /**
   * {@code PRIMARY KEY (a, b)}, {@code UNIQUE (a)}, {@code FOREIGN KEY (a) REFERENCES t(b) ...},
   * {@code CHECK (condition)} with the condition as the engine holds it (names quoted).
   */
  public static String constraintDef(Connection c, Integer oid, Boolean pretty)
      throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT k.contype, k.conrelid, k.conkey, k.confrelid, k.confkey, k.confupdtype,"
                + " k.confdeltype, cc.check_clause FROM "
                + SCHEMA
                + ".pg_constraint k LEFT JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = k.connamespace"
                + " LEFT JOIN information_schema.check_constraints cc"
                + " ON k.contype = 'c' AND cc.constraint_schema = n.nspname"
                + " AND cc.constraint_name = k.engine_name WHERE k.oid = ?")) {
      p.setInt(1, oid);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String columns = columnList(c, rs.getInt(2), rs.getArray(3));
        return switch (rs.getString(1)) {
          case "p" -> "PRIMARY KEY (" + columns + ")";
          case "u" -> "UNIQUE (" + columns + ")";
          case "f" ->
              "FOREIGN KEY ("
                  + columns
                  + ") REFERENCES "
                  + regclassName(c, rs.getInt(4))
                  + "("
                  + columnList(c, rs.getInt(4), rs.getArray(5))
                  + ")"
                  + action(" ON UPDATE ", rs.getString(6))
                  + action(" ON DELETE ", rs.getString(7));
          case "c" ->
              rs.getString(8) == null
                  ? null
                  : "CHECK (" + PostgresExpressionText.of(rs.getString(8)) + ")";
          default -> null;
        };
      }
    }
  }

  public static String constraintDef(Connection c, Integer oid) throws SQLException {
    return constraintDef(c, oid, false);
  }

  private static String action(String clause, String code) {
    return switch (code == null ? "a" : code) {
      case "c" -> clause + "CASCADE";
      case "n" -> clause + "SET NULL";
      case "d" -> clause + "SET DEFAULT";
      case "r" -> clause + "RESTRICT";
      default -> "";
    };
  }

  /** {@code CREATE [UNIQUE] INDEX name ON schema.table USING btree (a, b)}. */
  public static String indexDef(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT i.relname, x.indisunique, x.indrelid, x.indkey, x.indoption, n.nspname, t.relname"
                + " FROM "
                + SCHEMA
                + ".pg_index x JOIN "
                + SCHEMA
                + ".pg_class i ON i.oid = x.indexrelid JOIN "
                + SCHEMA
                + ".pg_class t ON t.oid = x.indrelid JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = t.relnamespace WHERE x.indexrelid = ?")) {
      p.setInt(1, oid);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return "CREATE "
            + (rs.getBoolean(2) ? "UNIQUE " : "")
            + "INDEX "
            + quoteIdent(rs.getString(1))
            + " ON "
            + quoteIdent(rs.getString(6))
            + "."
            + quoteIdent(rs.getString(7))
            + " USING btree ("
            + indexColumns(c, rs.getInt(3), rs.getArray(4), rs.getArray(5))
            + ")";
      }
    }
  }

  public static String indexDef(Connection c, Integer oid, Integer column, Boolean pretty)
      throws SQLException {
    if (column == null || column == 0) {
      return indexDef(c, oid);
    }
    if (oid == null) {
      return null;
    }
    // Key column k alone (pgjdbc's getIndexInfo COLUMN_NAME); PostgreSQL answers '' past the key.
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT x.indrelid, x.indkey FROM " + SCHEMA + ".pg_index x WHERE x.indexrelid = ?")) {
      p.setInt(1, oid);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        java.sql.Array key = rs.getArray(2);
        Object[] numbers = key == null ? new Object[0] : (Object[]) key.getArray();
        if (column < 1 || column > numbers.length) {
          return "";
        }
        String name =
            one(
                c,
                "SELECT attname FROM " + SCHEMA + ".pg_attribute WHERE attrelid = ? AND attnum = ?",
                rs.getInt(1),
                ((Number) numbers[column - 1]).intValue());
        return quoteIdent(name);
      }
    }
  }

  /** The sequence a serial column draws from, schema-qualified, or null. */
  public static String serialSequence(Connection c, String table, String column)
      throws SQLException {
    if (table == null || column == null) {
      return null;
    }
    String name = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
    return one(
        c,
        "SELECT table_schema || '.' || seqname FROM "
            + SCHEMA
            + ".serial_column WHERE table_name = ? AND column_name = ?",
        name.replace("\"", ""),
        column);
  }

  /** True for relations in the session's schema or in pg_catalog (distdb has no search_path). */
  public static Boolean tableIsVisible(Connection c, Integer oid) throws SQLException {
    return inNamespace(c, "pg_class", "relnamespace", oid, VISIBLE);
  }

  public static Boolean typeIsVisible(Connection c, Integer oid) throws SQLException {
    return inNamespace(c, "pg_type", "typnamespace", oid, VISIBLE);
  }

  public static Boolean functionIsVisible(Connection c, Integer oid) throws SQLException {
    return inNamespace(c, "pg_proc", "pronamespace", oid, VISIBLE);
  }

  /** A user's ordinary table could be published (none is: distdb has no publications). */
  public static Boolean relationIsPublishable(Connection c, Integer oid) throws SQLException {
    return inNamespace(
        c,
        "pg_class",
        "relnamespace",
        oid,
        "o.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')");
  }

  private static final String VISIBLE = "n.nspname IN ('pg_catalog', CURRENT_SCHEMA)";

  /**
   * Whether the catalog object {@code oid} of {@code catalog} (alias o) exists with its namespace
   * (alias n, joined on {@code namespaceColumn}) meeting {@code condition}; null for a null oid.
   */
  private static Boolean inNamespace(
      Connection c, String catalog, String namespaceColumn, Integer oid, String condition)
      throws SQLException {
    if (oid == null) {
      return null;
    }
    return intOne(
            c,
            "SELECT 1 FROM "
                + SCHEMA
                + "."
                + catalog
                + " o JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = o."
                + namespaceColumn
                + " WHERE o.oid = ? AND "
                + condition,
            oid)
        != null;
  }

  public static String objDescription(Connection c, Integer oid, String catalog)
      throws SQLException {
    return oid == null
        ? null
        : one(
            c,
            "SELECT description FROM "
                + SCHEMA
                + ".pg_description WHERE objoid = ? AND objsubid = 0",
            oid);
  }

  public static String objDescription(Connection c, Integer oid) throws SQLException {
    return objDescription(c, oid, null);
  }

  public static String colDescription(Connection c, Integer oid, Integer column)
      throws SQLException {
    if (oid == null || column == null) {
      return null;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT description FROM "
                + SCHEMA
                + ".pg_description WHERE objoid = ? AND objsubid = ?")) {
      p.setInt(1, oid);
      p.setInt(2, column);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The expression text the catalog views hold: distdb keeps expressions as text already. */
  public static String expression(String text, Integer relation) {
    return text;
  }

  /**
   * {@code 'name'::regclass}: the OID of a relation named as SQL names it (optionally
   * schema-qualified, quoted or not); 42P01 if there is none, as PostgreSQL.
   */
  public static Integer regclass(Connection c, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    if (!name.isEmpty() && name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      // As in PostgreSQL, a number is taken as the OID itself ('191'::regclass, psql's \d).
      return Integer.parseUnsignedInt(name);
    }
    List<String> parts = identifierParts(name);
    String relation = parts.get(parts.size() - 1);
    String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT r.oid FROM "
                + SCHEMA
                + ".pg_class r JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = r.relnamespace WHERE r.relname = ? AND "
                + (schema == null
                    ? "n.nspname IN ('pg_catalog', CURRENT_SCHEMA) ORDER BY n.nspname <> 'pg_catalog'"
                    : "n.nspname = ?"))) {
      p.setString(1, relation);
      if (schema != null) {
        p.setString(2, schema);
      }
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("42P01: relation \"" + name + "\" does not exist");
        }
        return rs.getInt(1);
      }
    }
  }

  /**
   * {@code 'name'::regtype} of a type pg_type lists by its own name, possibly qualified and quoted
   * ({@code "pg_catalog"."int4"}, TypeORM's column query); 42704 where there is none.
   */
  public static Integer regtype(Connection c, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    List<String> parts = identifierParts(name);
    String type = parts.get(parts.size() - 1);
    String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT t.oid FROM "
                + SCHEMA
                + ".pg_type t JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = ? AND "
                + (schema == null
                    ? "n.nspname IN ('pg_catalog', CURRENT_SCHEMA) ORDER BY n.nspname <> 'pg_catalog'"
                    : "n.nspname = ?"))) {
      p.setString(1, type);
      if (schema != null) {
        p.setString(2, schema);
      }
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("42704: type \"" + name + "\" does not exist");
        }
        return rs.getInt(1);
      }
    }
  }

  /** {@code to_regclass(text)}: as {@code ::regclass}, but null where there is no such relation. */
  public static Integer toRegclass(Connection c, String name) throws SQLException {
    try {
      return regclass(c, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The node's one user (OID 10, who owns everything), whose name the client's session keeps in
   * {@code @distdb_user}; PostgreSQL's text for any other OID.
   */
  public static String userById(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    if (oid == 6171) {
      // The predefined role that owns the public schema, as in PostgreSQL 15.
      return "pg_database_owner";
    }
    String user = oid == 10 ? one(c, "SELECT CAST(@distdb_user AS VARCHAR)") : null;
    return user != null ? user : "unknown (OID=" + Integer.toUnsignedString(oid) + ")";
  }

  /** {@code pg_get_function_result(oid)} of a function {@code pg_proc} lists, else null. */
  public static String functionResult(Connection c, Integer oid) throws SQLException {
    return signature(c, "result", oid);
  }

  public static String functionArguments(Connection c, Integer oid) throws SQLException {
    return signature(c, "arguments", oid);
  }

  public static String functionIdentityArguments(Connection c, Integer oid) throws SQLException {
    return signature(c, "identity_arguments", oid);
  }

  private static String signature(Connection c, String column, Integer oid) throws SQLException {
    return oid == null
        ? null
        : one(c, "SELECT " + column + " FROM " + SCHEMA + ".proc_signature WHERE oid = ?", oid);
  }

  /** {@code pg_encoding_to_char}: distdb's databases are UTF8 (6); PostgreSQL's other names. */
  public static String encodingName(Integer encoding) {
    if (encoding == null) {
      return null;
    }
    return switch (encoding) {
      case 0 -> "SQL_ASCII";
      case 6 -> "UTF8";
      case 8 -> "LATIN1";
      default -> "";
    };
  }

  /** {@code oid::regclass::text}: the relation's name, qualified where it is not visible. */
  public static String regclassName(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT r.relname, n.nspname, n.nspname IN ('pg_catalog', CURRENT_SCHEMA) FROM "
                + SCHEMA
                + ".pg_class r JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = r.relnamespace WHERE r.oid = ?")) {
      p.setInt(1, oid);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return String.valueOf(oid);
        }
        String relation = quoteIdent(rs.getString(1));
        return rs.getBoolean(3) ? relation : quoteIdent(rs.getString(2)) + "." + relation;
      }
    }
  }

  /**
   * An index's columns with PostgreSQL's ordering words: indoption bit 1 is DESC, bit 2 NULLS FIRST
   * (the default of DESC, so only the other combinations are written).
   */
  private static String indexColumns(
      Connection c, int relation, java.sql.Array numbers, java.sql.Array options)
      throws SQLException {
    List<String> names = columnNames(c, relation, numbers);
    Object[] flags = options == null ? new Object[0] : (Object[]) options.getArray();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(names.get(i));
      int option = i < flags.length && flags[i] != null ? ((Number) flags[i]).intValue() : 0;
      boolean desc = (option & 1) != 0;
      boolean nullsFirst = (option & 2) != 0;
      out.append(desc ? " DESC" : "");
      out.append(desc && !nullsFirst ? " NULLS LAST" : !desc && nullsFirst ? " NULLS FIRST" : "");
    }
    return out.toString();
  }

  private static String columnList(Connection c, int relation, java.sql.Array numbers)
      throws SQLException {
    return String.join(", ", columnNames(c, relation, numbers));
  }

  private static List<String> columnNames(Connection c, int relation, java.sql.Array numbers)
      throws SQLException {
    List<String> names = new ArrayList<>();
    if (numbers == null) {
      return names;
    }
    for (Object n : (Object[]) numbers.getArray()) {
      names.add(
          quoteIdent(
              one(
                  c,
                  "SELECT attname FROM "
                      + SCHEMA
                      + ".pg_attribute WHERE attrelid = ? AND attnum = ?",
                  relation,
                  ((Number) n).intValue())));
    }
    return names;
  }

  /**
   * The names of a relation's columns numbered {@code numbers} (a key's conkey or confkey), in that
   * order; numbers of no column are left out. dialect.KeyColumnNamesRewrite writes pgcli's subquery
   * that aggregates them so.
   */
  public static String[] keyColumnNames(Connection c, Integer relation, Integer[] numbers)
      throws SQLException {
    if (relation == null || numbers == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Integer n : numbers) {
      String name =
          n == null
              ? null
              : one(
                  c,
                  "SELECT attname FROM "
                      + SCHEMA
                      + ".pg_attribute WHERE attrelid = ? AND attnum = ?",
                  relation,
                  n);
      if (name != null) {
        names.add(name);
      }
    }
    return names.isEmpty() ? null : names.toArray(new String[0]);
  }

  /** An identifier as PostgreSQL's quote_ident writes it. */
  static String quoteIdent(String s) {
    if (s == null) {
      return null;
    }
    return s.matches("[a-z_][a-z0-9_$]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
  }

  /** {@code 'public."My T"'} → public, My T: a relation name in text, folded like PostgreSQL. */
  public static List<String> identifierParts(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
          part.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == '.' && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(quoted ? ch : Character.toLowerCase(ch));
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /**
   * PostgreSQL 15's {@code pg_size_pretty(bigint)}: bytes below 10 kB, then kB, MB, GB, TB, PB,
   * each value rounded half away from zero and kept below 10240 of its unit.
   */
  public static String sizePretty(Long bytes) {
    if (bytes == null) {
      return null;
    }
    long size = bytes;
    if (Math.abs(size) < 10 * 1024) {
      return size + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    size >>= 9; // one extra bit for rounding
    int unit = 0;
    while (Math.abs(size) >= 10 * 1024 * 2 - 1 && unit < units.length - 1) {
      size >>= 10;
      unit++;
    }
    return (size + (size < 0 ? -1 : 1)) / 2 + " " + units[unit];
  }

  /**
   * The bytes a table's rows and indexes take in the engine's file ({@code DISK_SPACE_USED});
   * PostgreSQL's main fork, TOAST and index split does not exist here, so {@code pg_table_size},
   * {@code pg_relation_size} and {@code pg_total_relation_size} all answer this, and any other
   * relation (an index, a view, a sequence) 0. The argument is an OID or a relation's name.
   */
  /**
   * {@code pg_database_size(name)}: what the database's files take on disk (PostgreSQL measures its
   * directory likewise), as the session found them before the statement ({@code
   * @distdb_database_sizes}, "size:name" pairs: each database is its own engine database, which a
   * session cannot look into). A name the node does not have fails with 3D000 as in PostgreSQL; an
   * argument of digits is also tried as a database's OID (pg_database_size(oid)), which PostgreSQL
   * answers null for when there is no such database.
   */
  public static Long databaseSize(Connection c, String database) throws SQLException {
    if (database == null) {
      return null;
    }
    try (PreparedStatement p = c.prepareStatement("SELECT @distdb_database_sizes");
        ResultSet rs = p.executeQuery()) {
      java.sql.Array sizes = rs.next() ? rs.getArray(1) : null;
      if (sizes == null) {
        return null;
      }
      boolean oid = !database.isEmpty() && database.chars().allMatch(Character::isDigit);
      for (Object entry : (Object[]) sizes.getArray()) {
        String s = String.valueOf(entry);
        int colon = s.indexOf(':');
        String name = s.substring(colon + 1);
        if (name.equals(database) || oid && database.equals(databaseOid(c, name))) {
          return Long.parseLong(s.substring(0, colon));
        }
      }
      // pg_database lists the two templates, which have no storage here (psql's \l+ asks).
      if (oid || database.equals("template0") || database.equals("template1")) {
        return null;
      }
      throw new IllegalArgumentException("3D000: database \"" + database + "\" does not exist");
    }
  }

  /** The OID pg_database gives the database (the same expression as its view). */
  private static String databaseOid(Connection c, String name) throws SQLException {
    return one(
        c,
        "SELECT CAST(CASE CAST(? AS VARCHAR) WHEN 'template1' THEN 1 WHEN 'template0' THEN 4"
            + " WHEN 'postgres' THEN 5 ELSE 1073741824 + ORA_HASH(CAST(? AS VARCHAR), 1073741823)"
            + " END AS VARCHAR)",
        name,
        name);
  }

  public static Long relationSize(Connection c, String relation) throws SQLException {
    if (relation == null) {
      return null;
    }
    Integer oid =
        relation.chars().allMatch(Character::isDigit) && !relation.isEmpty()
            ? Integer.valueOf(relation)
            : regclass(c, relation);
    String table =
        one(
            c,
            "SELECT '\"' || REPLACE(n.nspname, '\"', '\"\"') || '\".\"'"
                + " || REPLACE(r.relname, '\"', '\"\"') || '\"' FROM "
                + SCHEMA
                + ".pg_class r JOIN "
                + SCHEMA
                + ".pg_namespace n ON n.oid = r.relnamespace WHERE r.oid = ? AND r.relkind = 'r'",
            oid);
    if (table == null) {
      return 0L;
    }
    try (PreparedStatement p = c.prepareStatement("SELECT DISK_SPACE_USED(?)")) {
      p.setString(1, table);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** {@code pg_indexes_size}: the engine keeps a table's indexes in its figure above, so 0. */
  public static Long indexesSize(Connection c, String relation) throws SQLException {
    return relation == null ? null : 0L;
  }

  static String one(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static Integer intOne(Connection c, String sql, Object... args) throws SQLException {
    String v = one(c, sql, args);
    return v == null ? null : Integer.valueOf(v);
  }
}
