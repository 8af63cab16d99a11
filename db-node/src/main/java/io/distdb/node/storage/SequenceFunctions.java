package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's {@code nextval(name)} and {@code setval(name, value [, is_called])} for every
 * sequence PostgreSQL would have: sequence objects, and the sequences of serial columns, which the
 * engine keeps as identity columns without a name ({@code t_id_seq} resolves to column id of t
 * through {@code distdb_catalog.serial_column}). Django's sequence reset, pg_dump's data and
 * restores call setval on those.
 *
 * <p>Setting a position is the engine's {@code ALTER SEQUENCE} / {@code ALTER TABLE ... ALTER
 * COLUMN ... RESTART WITH}, which it runs inside the calling transaction. Both functions change
 * state, so the statement is a write (sql.QueryAnalyzer): it runs on the master's writer, whose
 * change capture logs the positions that moved; a slave refuses it. Like {@link CatalogFunctions},
 * this class is one the engine may load ({@link EngineHardening}).
 */
public final class SequenceFunctions {

  /** SQL name → Java method, installed as {@code distdb_catalog.d_<name>}. */
  public static final Map<String, String> ALIASES =
      Map.of("nextval", "nextval", "setval", "setval");

  private SequenceFunctions() {}

  static void install(Connection admin) throws SQLException {
    CatalogFunctions.install(admin, SequenceFunctions.class, ALIASES);
  }

  /** A sequence as the engine holds it: an object, or the identity of {@code column}. */
  private record Target(
      String schema,
      String name,
      String column,
      String display,
      long increment,
      long min,
      long max) {

    String restart(long next) {
      String base =
          column == null
              ? "ALTER SEQUENCE " + quote(schema) + "." + quote(name)
              : "ALTER TABLE "
                  + quote(schema)
                  + "."
                  + quote(name)
                  + " ALTER COLUMN "
                  + quote(column);
      return base + " RESTART WITH " + next;
    }
  }

  public static Long nextval(Connection c, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    Target t = resolve(c, name);
    if (t.column() == null) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT NEXT VALUE FOR " + quote(t.schema()) + "." + quote(t.name()))) {
        rs.next();
        return rs.getLong(1);
      }
    }
    long next = identityBase(c, t);
    if (t.increment() > 0 ? next > t.max() : next < t.min()) {
      throw new IllegalArgumentException(
          "2200H: nextval: reached "
              + (t.increment() > 0
                  ? "maximum value of sequence \""
                  : "minimum value of sequence \"")
              + t.display()
              + "\" ("
              + (t.increment() > 0 ? t.max() : t.min())
              + ")");
    }
    run(c, t.restart(next + t.increment()));
    return next;
  }

  public static Long setval(Connection c, String name, Long value) throws SQLException {
    return setval(c, name, value, true);
  }

  /**
   * Sets the position: with is_called the next nextval returns value + increment, without it value
   * itself.
   */
  public static Long setval(Connection c, String name, Long value, Boolean isCalled)
      throws SQLException {
    if (name == null || value == null || isCalled == null) {
      return null;
    }
    Target t = resolve(c, name);
    if (value < t.min() || value > t.max()) {
      throw new IllegalArgumentException(
          "22003: setval: value "
              + value
              + " is out of bounds for sequence \""
              + t.display()
              + "\" ("
              + t.min()
              + ".."
              + t.max()
              + ")");
    }
    run(c, t.restart(isCalled ? Math.addExact(value, t.increment()) : value));
    return value;
  }

  private static Target resolve(Connection c, String name) throws SQLException {
    if (name.matches("[0-9]+")) {
      // nextval('s'::regclass): the cast made the name the sequence's OID.
      String qualified =
          CatalogFunctions.one(
              c,
              "SELECT '\"' || REPLACE(n.nspname, '\"', '\"\"') || '\".\"'"
                  + " || REPLACE(s.relname, '\"', '\"\"') || '\"' FROM "
                  + CatalogViews.SCHEMA
                  + ".user_sequence s JOIN "
                  + CatalogViews.SCHEMA
                  + ".user_namespace n ON n.oid = s.relnamespace WHERE s.oid = ?",
              Long.parseLong(name));
      if (qualified == null) {
        throw new IllegalArgumentException("42P01: relation \"" + name + "\" does not exist");
      }
      name = qualified;
    }
    List<String> parts = CatalogFunctions.identifierParts(name);
    String relation = parts.get(parts.size() - 1);
    String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    String where = schema == null ? " = CURRENT_SCHEMA" : " = ?";
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT sequence_schema, sequence_name, NULL, increment, minimum_value, maximum_value"
                + " FROM information_schema.sequences WHERE sequence_name = ? AND sequence_schema"
                + where
                // A serial column's sequence, as the catalog names it (serial_column), read from
                // the engine: the statement may run before the materialized catalog caught up.
                + " UNION ALL SELECT table_schema, table_name, column_name, identity_increment,"
                + " identity_minimum, identity_maximum FROM information_schema.columns"
                + " WHERE is_identity = 'YES' AND table_name || '_' || column_name || '_seq' = ?"
                + " AND table_schema"
                + where)) {
      int i = 1;
      p.setString(i++, relation);
      if (schema != null) {
        p.setString(i++, schema);
      }
      p.setString(i++, relation);
      if (schema != null) {
        p.setString(i, schema);
      }
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("42P01: relation \"" + name + "\" does not exist");
        }
        return new Target(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            relation,
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6));
      }
    }
  }

  private static long identityBase(Connection c, Target t) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT identity_base FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
      p.setString(1, t.schema());
      p.setString(2, t.name());
      p.setString(3, t.column());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
