package io.distdb.node.storage;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.h2.engine.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog relations clients join ({@code pg_class}, {@code pg_attribute}, {@code
 * pg_constraint}, ...) kept as indexed tables, rebuilt from their views over the engine's metadata
 * when a schema change made them stale and a client next reads the catalog.
 *
 * <p>Why: each view is a join over H2's {@code INFORMATION_SCHEMA}, which the engine computes
 * afresh on every access, and H2 plans a join of views as nested loops that evaluate the inner view
 * once per outer row. pgjdbc's {@code getImportedKeys} joins nine such relations and ran for
 * minutes on twenty tables. Materialized once per schema version, with indexes on the keys clients
 * join on, the same join is a handful of index lookups.
 *
 * <p>Each relation {@code X} of {@link #RELATIONS} is three objects in {@value
 * CatalogViews#SCHEMA}: the view {@code X_source} (its definition, as {@code pg-catalog.sql} or
 * {@link CatalogViews} writes it), the table {@code X_rows} (NOT PERSISTENT: the engine keeps it in
 * memory only, so a rebuild writes nothing to disk and a restart starts it empty), and the view
 * {@code X} over that table, which other catalog views and a client's own views over the catalog
 * name. A source reads the relations before it in {@link #RELATIONS} through their tables, so a
 * rebuild evaluates each view once.
 *
 * <p>Freshness: {@link Storage#afterSchemaChange}, which every schema change calls on the master,
 * on each replica and when a transaction block's changes are undone, {@linkplain #invalidate()
 * invalidates} the snapshot; the next statement that reads the catalog {@linkplain #ensureFresh
 * rebuilds} it first, on an administrator connection of its own, in one transaction, so other
 * sessions read either the old rows or the new ones. The rows do not depend on the session reading
 * them (none of these views reads a session variable), and the tables are the node's own: no
 * capture trigger, no log entry, no checksum sees them.
 */
public final class CatalogSnapshot {

  private static final Logger log = LoggerFactory.getLogger(CatalogSnapshot.class);

  /** A materialized relation and the column lists it is indexed on. */
  record Relation(String name, List<String> indexes) {

    String source() {
      return CatalogViews.SCHEMA + "." + name + "_source";
    }

    String table() {
      return CatalogViews.SCHEMA + "." + name + "_rows";
    }

    String view() {
      return CatalogViews.SCHEMA + "." + name;
    }
  }

  /**
   * A copy of one of the engine's metadata relations ({@code information_schema.columns}, H2's own
   * {@code pg_catalog.pg_class}), which the sources read instead of the engine's: the engine
   * computes its metadata afresh on every access and cannot index it, so a source's correlated
   * subquery over it costs a whole pass per row. {@code selection}, if not null, follows the
   * relation (aliased {@code c}) in the copy's FROM: the join and condition that leave out the
   * engine's and distdb's own objects, which no source lists (each joins user_namespace), so that a
   * rebuild copies only the user's.
   */
  record EngineCopy(String schema, String name, String selection, List<String> indexes) {

    String engineRelation() {
      return schema + "." + name;
    }

    String table() {
      return CatalogViews.SCHEMA + ".engine_" + name;
    }

    String query() {
      return selection == null
          ? "SELECT * FROM " + engineRelation()
          : "SELECT c.* FROM " + engineRelation() + " " + selection;
    }
  }

  /** A copy of {@code information_schema.name} of the user's schemas (in {@code column}). */
  private static EngineCopy informationSchema(String name, String column, String... indexes) {
    return new EngineCopy(
        "information_schema",
        name,
        "c WHERE c." + column + " NOT IN " + OWN_SCHEMAS,
        List.of(indexes));
  }

  /** Schemas whose objects no source lists (it joins user_namespace, which leaves them out). */
  private static final String OWN_SCHEMAS =
      "('INFORMATION_SCHEMA', 'information_schema', 'pg_catalog', '"
          + AppliedLsn.SCHEMA
          + "', '"
          + CatalogViews.SCHEMA
          + "')";

  static final List<EngineCopy> ENGINE_COPIES =
      List.of(
          informationSchema(
              "columns",
              "table_schema",
              "table_schema, table_name, ordinal_position",
              "column_default"),
          informationSchema(
              "key_column_usage",
              "constraint_schema",
              "constraint_schema, constraint_name",
              "table_schema, table_name"),
          informationSchema(
              "table_constraints",
              "constraint_schema",
              "constraint_schema, constraint_name",
              "index_schema, index_name",
              "table_schema, table_name"),
          informationSchema(
              "referential_constraints",
              "constraint_schema",
              "constraint_schema, constraint_name",
              "unique_constraint_schema, unique_constraint_name"),
          informationSchema(
              "constraint_column_usage", "constraint_schema", "constraint_schema, constraint_name"),
          informationSchema(
              "check_constraints", "constraint_schema", "constraint_schema, constraint_name"),
          informationSchema(
              "indexes", "table_schema", "table_schema, table_name", "index_schema, index_name"),
          informationSchema(
              "index_columns",
              "index_schema",
              "index_schema, index_name",
              "table_schema, table_name"),
          informationSchema("element_types", "object_schema", "object_schema, object_name"),
          informationSchema("enum_values", "object_schema", "object_schema, object_name"),
          informationSchema("sequences", "sequence_schema", "sequence_schema, sequence_name"),
          informationSchema("domains", "domain_schema", "domain_schema, domain_name"),
          informationSchema("views", "table_schema", "table_schema, table_name"),
          informationSchema("tables", "table_schema", "table_schema, table_name"),
          new EngineCopy(
              "pg_catalog",
              "pg_class",
              "c JOIN pg_catalog.pg_namespace n ON n.id = c.relnamespace WHERE n.nspname NOT IN "
                  + OWN_SCHEMAS,
              List.of("oid", "relname, relnamespace", "relkind")),
          // After pg_class: the attributes and constraints of the user's relations only. Joins, not
          // IN (SELECT ...): the engine evaluates that again for every row an INSERT adds.
          new EngineCopy(
              "pg_catalog",
              "pg_attribute",
              "c JOIN " + CatalogViews.SCHEMA + ".engine_pg_class u ON u.oid = c.attrelid",
              List.of("attrelid, attnum")),
          new EngineCopy(
              "pg_catalog",
              "pg_constraint",
              "c JOIN " + CatalogViews.SCHEMA + ".engine_pg_class u ON u.oid = c.conrelid",
              List.of("oid", "conrelid")),
          new EngineCopy("pg_catalog", "pg_namespace", null, List.of("id", "nspname")));

  /** In dependency order: a relation's source reads only relations listed before it. */
  static final List<Relation> RELATIONS =
      List.of(
          new Relation("user_namespace", List.of("oid", "nspname")),
          new Relation("pg_namespace", List.of("oid", "nspname")),
          new Relation("user_enum", List.of("oid", "nspname, typname")),
          new Relation("pg_type", List.of("oid", "typname", "typrelid")),
          new Relation(
              "pg_constraint", List.of("oid", "conrelid", "confrelid", "engine_name", "conindid")),
          new Relation("user_index", List.of("oid", "indrelid", "engine_name")),
          new Relation("serial_column", List.of("attrelid, attnum", "seqoid", "seqname")),
          new Relation("user_sequence", List.of("oid", "relname")),
          new Relation("pg_class", List.of("oid", "relname, relnamespace", "relnamespace")),
          new Relation("pg_index", List.of("indexrelid", "indrelid")),
          new Relation("pg_attribute", List.of("attrelid, attnum", "atttypid")),
          new Relation("pg_attrdef", List.of("adrelid, adnum", "oid")),
          new Relation("pg_depend", List.of("objid", "refobjid")),
          new Relation("pg_description", List.of("objoid")),
          new Relation("pg_enum", List.of("enumtypid")),
          new Relation("information_schema_tables", List.of("table_name", "table_schema")),
          new Relation("information_schema_columns", List.of("table_name", "table_schema")),
          new Relation(
              "information_schema_table_constraints", List.of("table_name", "constraint_name")),
          new Relation(
              "information_schema_key_column_usage", List.of("table_name", "constraint_name")));

  private static final Map<String, Relation> BY_NAME =
      RELATIONS.stream().collect(Collectors.toMap(Relation::name, r -> r));

  /**
   * A reference to one of the engine's metadata relations, or to a catalog relation, in a source's
   * text.
   */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?i)(?<![\\w.\"])(information_schema|pg_catalog|"
              + CatalogViews.SCHEMA
              + ")\\.(\\w+)(?![\\w\"(])");

  /** Opens an administrator connection to the snapshot's database. */
  @FunctionalInterface
  interface AdminConnections {
    Connection open() throws SQLException;
  }

  private final String database;
  private final AdminConnections admin;

  /** Bumped by every schema change; the snapshot is fresh while {@link #built} equals it. */
  private final AtomicLong schemaVersion = new AtomicLong(1);

  /** The schema version the tables hold; 0: none yet (the tables start empty in every process). */
  private volatile long built;

  /**
   * The engine database the tables were built in: one the engine closed (after a fatal error) and
   * opened again starts with empty tables.
   */
  private volatile WeakReference<Database> builtIn = new WeakReference<>(null);

  CatalogSnapshot(String database, AdminConnections admin) {
    this.database = database;
    this.admin = admin;
  }

  /** Whether the catalog view {@code name} is one of the materialized relations. */
  public static boolean isMaterialized(String name) {
    return BY_NAME.containsKey(name);
  }

  /** The table of materialized relation {@code name}, which clients' statements read directly. */
  public static String table(String name) {
    return BY_NAME.get(name).table();
  }

  /**
   * The statements that install relation {@code name} (a view so far defined by {@code query}) as a
   * source view, its table and the view over the table. Safe over an older catalog version, where
   * {@code name} was a plain view with dependents: the view is first pointed at the new source, so
   * that the old table, whose columns may differ, can be dropped without touching them.
   */
  static List<String> installStatements(String name, String query, boolean force) {
    Relation r = BY_NAME.get(name);
    String create = "CREATE OR REPLACE " + (force ? "FORCE " : "") + "VIEW ";
    List<String> sql = new ArrayList<>();
    sql.add(create + r.source() + " AS " + readingCopies(query));
    sql.add("CREATE OR REPLACE VIEW " + r.view() + " AS SELECT * FROM " + r.source());
    // What still reads the old table: the sources of an older catalog version, all made again.
    sql.add("DROP TABLE IF EXISTS " + r.table() + " CASCADE");
    sql.add(
        "CREATE MEMORY TABLE "
            + r.table()
            + " NOT PERSISTENT AS SELECT * FROM "
            + r.source()
            + " WITH NO DATA");
    sql.addAll(indexStatements(r.table(), r.indexes()));
    sql.add("CREATE OR REPLACE VIEW " + r.view() + " AS SELECT * FROM " + r.table());
    return sql;
  }

  /**
   * The statements that (re)create the engine copies, before any source that reads them. A copy has
   * no dependent but the sources, which are all created again after it.
   */
  static List<String> engineCopyStatements() {
    List<String> sql = new ArrayList<>();
    for (EngineCopy e : ENGINE_COPIES) {
      sql.add("DROP TABLE IF EXISTS " + e.table() + " CASCADE");
      sql.add(
          "CREATE MEMORY TABLE "
              + e.table()
              + " NOT PERSISTENT AS SELECT * FROM "
              + e.engineRelation()
              + " WITH NO DATA");
      sql.addAll(indexStatements(e.table(), e.indexes()));
    }
    return sql;
  }

  private static List<String> indexStatements(String table, List<String> indexes) {
    List<String> sql = new ArrayList<>();
    String name = table.substring(table.indexOf('.') + 1);
    for (int i = 0; i < indexes.size(); i++) {
      sql.add(
          "CREATE INDEX "
              + CatalogViews.SCHEMA
              + "."
              + name
              + "_"
              + i
              + " ON "
              + table
              + " ("
              + indexes.get(i)
              + ")");
    }
    return sql;
  }

  /** A source's query reading the engine copies in place of the engine's metadata relations. */
  static String readingCopies(String query) {
    Matcher m = REFERENCE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = m.group();
      for (EngineCopy e : ENGINE_COPIES) {
        if (e.schema().equalsIgnoreCase(m.group(1)) && e.name().equalsIgnoreCase(m.group(2))) {
          replacement = e.table();
        }
      }
      // A materialized relation (one listed earlier, filled earlier in the rebuild): its table,
      // without the engine's cost of a view in a join.
      Relation earlier = BY_NAME.get(m.group(2).toLowerCase(Locale.ROOT));
      if (earlier != null && m.group(1).equalsIgnoreCase(CatalogViews.SCHEMA)) {
        replacement = earlier.table();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Marks the tables stale: the engine's schema changed. */
  public void invalidate() {
    schemaVersion.incrementAndGet();
    catalogReaders = null;
  }

  /**
   * Brings the tables up to date before {@code engineSql} runs on {@code session} if it may read
   * them: it names a catalog relation, or one of the client's own views over the catalog (which the
   * client's text names only as the view). Other statements leave a stale snapshot as it is, so
   * that a schema change followed by writes does not pay for a rebuild nobody reads.
   */
  public void beforeStatement(Connection session, String engineSql) throws SQLException {
    if (isFresh(engineDatabase(session))) {
      return;
    }
    if (engineSql.contains(CatalogViews.SCHEMA + ".") || namesCatalogReader(session, engineSql)) {
      ensureFresh(session);
    }
  }

  /**
   * Lower-case names of the client's views whose engine text reads the catalog, read once per
   * schema version; null until then.
   */
  private volatile Set<String> catalogReaders;

  private boolean namesCatalogReader(Connection session, String engineSql) throws SQLException {
    Set<String> readers = catalogReaders;
    if (readers == null) {
      readers = new HashSet<>();
      try (PreparedStatement p =
              session.prepareStatement(
                  "SELECT table_name FROM information_schema.views WHERE table_schema NOT IN "
                      + OWN_SCHEMAS
                      + " AND POSITION(? IN view_definition) > 0");
          ResultSet rs = executeQuery(p)) {
        while (rs.next()) {
          readers.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
      catalogReaders = readers;
    }
    if (readers.isEmpty()) {
      return false;
    }
    String lower = engineSql.toLowerCase(Locale.ROOT);
    return readers.stream().anyMatch(lower::contains);
  }

  private static ResultSet executeQuery(PreparedStatement p) throws SQLException {
    p.setString(1, CatalogViews.SCHEMA);
    return p.executeQuery();
  }

  private boolean isFresh(Database engine) {
    return built == schemaVersion.get() && builtIn.get() == engine;
  }

  /**
   * Rebuilds the tables if a schema change made them stale since they were last built; a no-op
   * otherwise. Concurrent callers wait for one rebuild.
   *
   * @param session the connection of the session about to read the catalog
   */
  public void ensureFresh(Connection session) throws SQLException {
    Database engine = engineDatabase(session);
    if (isFresh(engine)) {
      return;
    }
    synchronized (this) {
      // Read before the metadata is: a schema change during the rebuild leaves it stale.
      long version = schemaVersion.get();
      if (built == version && builtIn.get() == engine) {
        return;
      }
      long start = System.nanoTime();
      rebuild();
      built = version;
      builtIn = new WeakReference<>(engine);
      log.atDebug()
          .addKeyValue("database", database)
          .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
          .log("catalog snapshot rebuilt");
    }
  }

  private static Database engineDatabase(Connection c) {
    return EngineSession.of(c).getDatabase();
  }

  private void refill(Statement s, String table, String query) throws SQLException {
    long start = System.nanoTime();
    s.execute("DELETE FROM " + table);
    s.execute("INSERT INTO " + table + " " + query);
    log.atTrace()
        .addKeyValue("table", table)
        .addKeyValue("us", (System.nanoTime() - start) / 1000)
        .log("catalog table refilled");
  }

  private void rebuild() throws SQLException {
    try (Connection c = admin.open();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        for (EngineCopy e : ENGINE_COPIES) {
          refill(s, e.table(), e.query());
        }
        for (Relation r : RELATIONS) {
          refill(s, r.table(), "SELECT * FROM " + r.source());
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
