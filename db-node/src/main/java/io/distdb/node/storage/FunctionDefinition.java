package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code pg_get_functiondef} as PostgreSQL 15's ruleutils writes it, for the rows of distdb's
 * pg_proc (PostgreSQL's own built-in functions, language internal or sql), and the lookup of a
 * function by name that {@code 'name'::regproc} is.
 */
final class FunctionDefinition {

  private static final String ROW =
      "SELECT p.proname, p.prokind, p.prolang, p.provolatile, p.proparallel, p.proisstrict,"
          + " p.proleakproof, p.procost, p.prorows, p.prosupport, p.prosrc, p.result, p.arguments"
          + " FROM "
          + CatalogViews.SCHEMA
          + ".proc_signature p WHERE p.oid = ?";

  private FunctionDefinition() {}

  static String of(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement p = c.prepareStatement(ROW)) {
      p.setInt(1, oid);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          // PostgreSQL: "cache lookup failed for function", which distdb must not answer as XX000.
          throw new IllegalArgumentException("42883: function with OID " + oid + " does not exist");
        }
        String name = rs.getString(1);
        if ("a".equals(rs.getString(2))) {
          throw new IllegalArgumentException("42809: \"" + name + "\" is an aggregate function");
        }
        int language = rs.getInt(3);
        StringBuilder b = new StringBuilder("CREATE OR REPLACE ");
        b.append("p".equals(rs.getString(2)) ? "PROCEDURE " : "FUNCTION ");
        b.append("pg_catalog.").append(name).append('(').append(rs.getString(13)).append(")\n");
        b.append(" RETURNS ").append(rs.getString(12)).append('\n');
        b.append(" LANGUAGE ").append(languageName(language)).append('\n');
        StringBuilder options = new StringBuilder();
        if ("w".equals(rs.getString(2))) {
          options.append(" WINDOW");
        }
        switch (rs.getString(4)) {
          case "i" -> options.append(" IMMUTABLE");
          case "s" -> options.append(" STABLE");
          default -> {}
        }
        switch (rs.getString(5)) {
          case "s" -> options.append(" PARALLEL SAFE");
          case "r" -> options.append(" PARALLEL RESTRICTED");
          default -> {}
        }
        if (rs.getBoolean(6)) {
          options.append(" STRICT");
        }
        if (rs.getBoolean(7)) {
          options.append(" LEAKPROOF");
        }
        double cost = rs.getDouble(8);
        if (cost != (language == 12 || language == 13 ? 1 : 100)) {
          options.append(" COST ").append(number(cost));
        }
        double rows = rs.getDouble(9);
        if (rows > 0 && rows != 1000) {
          options.append(" ROWS ").append(number(rows));
        }
        String support = rs.getString(10);
        if (support != null && !support.equals("-") && !support.equals("0")) {
          options.append(" SUPPORT ").append(support);
        }
        if (options.length() > 0) {
          b.append(options).append('\n');
        }
        String source = rs.getString(11);
        String quote = "$function$";
        while (source.contains(quote)) {
          quote = quote.substring(0, quote.length() - 1) + "x$";
        }
        return b.append("AS ").append(quote).append(source).append(quote).append('\n').toString();
      }
    }
  }

  static Integer oidOf(Connection c, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String bare = name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT oid FROM " + CatalogViews.SCHEMA + ".proc_signature WHERE proname = ?")) {
      p.setString(1, bare);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("42883: function \"" + name + "\" does not exist");
        }
        int oid = rs.getInt(1);
        if (rs.next()) {
          throw new IllegalArgumentException(
              "42725: more than one function named \"" + name + "\"");
        }
        return oid;
      }
    }
  }

  private static String languageName(int oid) {
    return switch (oid) {
      case 12 -> "internal";
      case 13 -> "c";
      case 14 -> "sql";
      default -> "plpgsql";
    };
  }

  /** A float as C's %g prints the costs PostgreSQL has (whole numbers). */
  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
