package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The catalog functions pg_dump calls besides those of {@link CatalogFunctions}: {@code
 * pg_get_viewdef}, {@code acldefault}, {@code pg_get_triggerdef}, {@code array_remove} (of text
 * arrays, as pg_dump removes entries from reloptions), {@code quote_literal}, as {@code
 * distdb_catalog.d_<name>} aliases that {@code dialect.CatalogRewrite} calls instead. They read
 * only the catalog views through the calling session.
 *
 * <p>Like {@link CatalogFunctions}, this class is one the engine may load ({@link
 * EngineHardening}): it must never touch files, the network, threads or state.
 */
public final class DumpFunctions {

  /** SQL name → Java method, installed as {@code distdb_catalog.d_<name>}. */
  public static final Map<String, String> ALIASES =
      Map.of(
          "pg_get_viewdef", "viewDefinition",
          "acldefault", "aclDefault",
          "pg_get_triggerdef", "triggerDefinition",
          "array_remove", "arrayRemove",
          "quote_literal", "quoteLiteral",
          "pg_get_functiondef", "functionDefinition",
          "regproc_oid", "regprocOid",
          "pg_get_function_sqlbody", "functionSqlBody");

  private DumpFunctions() {}

  static void install(Connection admin) throws SQLException {
    CatalogFunctions.install(admin, DumpFunctions.class, ALIASES);
  }

  /**
   * {@code pg_get_viewdef(oid)}: PostgreSQL's text of the view where distdb recorded it ({@link
   * ViewText}), else the engine's (every name quoted and qualified, which PostgreSQL reads as
   * written), ending in ';' as PostgreSQL's does; null for what is not a view. The view may be
   * named as text too ({@code pg_get_viewdef('v')}, PostgreSQL's older form): an OID arrives as its
   * digits.
   */
  public static String viewDefinition(Connection c, String view) throws SQLException {
    return viewDefinition(c, view, false);
  }

  /** {@code pg_get_viewdef(oid, pretty)}: pretty leaves out the parentheses precedence implies. */
  public static String viewDefinition(Connection c, String view, Boolean pretty)
      throws SQLException {
    Integer oid = CatalogFunctions.regclass(c, view);
    return oid == null ? null : ViewText.of(c, oid, Boolean.TRUE.equals(pretty));
  }

  /**
   * {@code pg_get_functiondef(oid)} of a function pg_proc lists (PostgreSQL 15's built-ins distdb
   * answers; distdb has no user functions), as PostgreSQL prints it for its internal functions.
   */
  public static String functionDefinition(Connection c, Integer oid) throws SQLException {
    return FunctionDefinition.of(c, oid);
  }

  /**
   * {@code 'name'::regproc::oid} (psql's {@code \sf name}): the OID of the one function of that
   * name; 42725 if there are several, 42883 if none.
   */
  public static Integer regprocOid(Connection c, String name) throws SQLException {
    return FunctionDefinition.oidOf(c, name);
  }

  /**
   * {@code pg_get_function_sqlbody(oid)} (psql's {@code \df+}): null, as for every function whose
   * body is not SQL-standard; distdb has no functions with one.
   */
  public static String functionSqlBody(Integer oid) {
    return null;
  }

  /**
   * {@code acldefault(kind, owner)}: the privileges an object has when nobody granted any. distdb
   * has one user, who owns everything and may do anything; it keeps no privileges, so the default
   * is no list (null), which pg_dump takes for "nothing to grant or revoke".
   */
  public static String[] aclDefault(String kind, Integer owner) {
    return null;
  }

  /** {@code pg_get_triggerdef}: distdb shows no triggers, so there is none to describe. */
  public static String triggerDefinition(Integer oid, Boolean pretty) {
    return null;
  }

  /** {@code array_remove(a, e)}: the elements of {@code a} not equal to {@code e}, in order. */
  public static String[] arrayRemove(String[] array, String element) {
    if (array == null) {
      return null;
    }
    return java.util.Arrays.stream(array)
        .filter(x -> element == null ? x != null : !element.equals(x))
        .toArray(String[]::new);
  }

  /**
   * {@code quote_literal(text)} as PostgreSQL writes it: in single quotes, quotes doubled, and
   * backslashes doubled behind an {@code E} where there are any.
   */
  public static String quoteLiteral(String s) {
    if (s == null) {
      return null;
    }
    String quoted = "'" + s.replace("'", "''").replace("\\", "\\\\") + "'";
    return s.indexOf('\\') >= 0 ? "E" + quoted : quoted;
  }
}
