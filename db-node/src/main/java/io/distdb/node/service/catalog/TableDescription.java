package io.distdb.node.service.catalog;

import static io.distdb.node.service.PgType.BOOL;
import static io.distdb.node.service.PgType.CHAR;
import static io.distdb.node.service.PgType.INT2;
import static io.distdb.node.service.PgType.NAME;
import static io.distdb.node.service.PgType.OID;
import static io.distdb.node.service.PgType.TEXT;

import io.distdb.node.service.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * psql's {@code \d name} and {@code \d+ name} for tables and views. psql first looks the name up
 * (oid, schema, name), then asks about that oid: the relation, its columns, its indexes, and
 * several catalogs distdb has nothing in (row-level policies, extended statistics, publications,
 * inheritance), which get empty answers of the right layout. We report no check constraints and no
 * triggers, so psql does not ask for check constraints, foreign keys or triggers. Indexes and
 * sequences cannot be described: the lookup only finds tables and views.
 */
final class TableDescription implements Recognizer {

  private static final String LOOKUP =
      "SELECT c.oid, n.nspname, c.relname"
          + " FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE ";
  private static final String RELATION =
      "SELECT c.relchecks, c.relkind, c.relhasindex,"
          + " c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity,"
          + " false AS relhasoids, c.relispartition, ";
  private static final String ATTRIBUTES =
      "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), ";
  private static final String ATTRIBUTES_END =
      "a.attgenerated FROM pg_catalog.pg_attribute a WHERE a.attrelid = ";
  private static final String ATTRIBUTES_VERBOSE_END =
      "a.attgenerated, a.attstorage,"
          + " a.attcompression AS attcompression, CASE WHEN a.attstattarget=-1 THEN NULL ELSE"
          + " a.attstattarget END AS attstattarget, pg_catalog.col_description(a.attrelid, a.attnum)"
          + " FROM pg_catalog.pg_attribute a WHERE a.attrelid = ";
  private static final String INDEXES =
      "SELECT c2.relname, i.indisprimary, i.indisunique,"
          + " i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),";

  /** Fixed-length types, which PostgreSQL stores "plain"; the others are "extended". */
  private static final Set<String> PLAIN_STORAGE =
      Set.of(
          "smallint", "integer", "bigint", "boolean", "real", "double precision", "date", "uuid");

  /** The follow-up queries distdb answers with no rows: their start and their layout. */
  private record Empty(String start, List<Column> columns) {}

  private static final List<Empty> EMPTY =
      List.of(
          new Empty(
              "SELECT pol.polname, pol.polpermissive, ",
              Rows.columns(
                  "polname",
                  NAME,
                  "polpermissive",
                  BOOL,
                  "array_to_string",
                  TEXT,
                  "pg_get_expr",
                  TEXT,
                  "pg_get_expr",
                  TEXT,
                  "cmd",
                  TEXT)),
          new Empty(
              "SELECT oid, stxrelid::pg_catalog.regclass,"
                  + " stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname, ",
              Rows.columns(
                  "oid",
                  OID,
                  "stxrelid",
                  TEXT,
                  "nsp",
                  TEXT,
                  "stxname",
                  NAME,
                  "columns",
                  TEXT,
                  "ndist_enabled",
                  BOOL,
                  "deps_enabled",
                  BOOL,
                  "mcv_enabled",
                  BOOL,
                  "stxstattarget",
                  INT2)),
          new Empty(
              "SELECT pubname , NULL , NULL FROM pg_catalog.pg_publication p ",
              Rows.columns("pubname", NAME, "?column?", TEXT, "?column?", TEXT)),
          new Empty(
              "SELECT c.oid::pg_catalog.regclass FROM pg_catalog.pg_class c,"
                  + " pg_catalog.pg_inherits i WHERE c.oid = i.inhparent AND i.inhrelid = ",
              Rows.columns("oid", TEXT)),
          new Empty(
              "SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending,"
                  + " pg_catalog.pg_get_expr(c.relpartbound, c.oid) FROM pg_catalog.pg_class c,"
                  + " pg_catalog.pg_inherits i WHERE c.oid = i.inhrelid AND i.inhparent = ",
              Rows.columns(
                  "oid", TEXT, "relkind", CHAR, "inhdetachpending", BOOL, "pg_get_expr", TEXT)));

  private final H2Catalog catalog;
  private final RelationOids oids;

  TableDescription(H2Catalog catalog, RelationOids oids) {
    this.catalog = catalog;
    this.oids = oids;
  }

  @Override
  public CatalogAnswer recognize(QueryText q) {
    if (q.startsWith(LOOKUP) && q.text().endsWith("ORDER BY 2, 3")) {
      return lookup(q);
    }
    if (q.startsWith(RELATION) && q.contains("WHERE c.oid = '")) {
      return relation(q.oid("WHERE c.oid ="));
    }
    if (q.startsWith(ATTRIBUTES) && q.contains(ATTRIBUTES_END)) {
      return attributes(q.oid("a.attrelid ="), false);
    }
    if (q.startsWith(ATTRIBUTES) && q.contains(ATTRIBUTES_VERBOSE_END)) {
      return attributes(q.oid("a.attrelid ="), true);
    }
    if (q.startsWith(INDEXES) && q.contains("WHERE c.oid = '")) {
      return indexes(q.oid("WHERE c.oid ="));
    }
    for (Empty e : EMPTY) {
      if (q.startsWith(e.start())) {
        return CatalogAnswer.empty(e.columns());
      }
    }
    return null;
  }

  private CatalogAnswer lookup(QueryText q) {
    Pattern name = q.pattern("c.relname");
    Pattern schema = q.pattern("n.nspname");
    if (name == null || schema == null) {
      return null;
    }
    boolean visibleOnly = q.contains("pg_catalog.pg_table_is_visible(c.oid)");
    return new CatalogAnswer(
        Rows.columns("oid", OID, "nspname", NAME, "relname", NAME),
        () -> {
          String current = catalog.currentSchema();
          List<Object[]> rows = new ArrayList<>();
          for (H2Catalog.Relation r : catalog.relations()) {
            if (name.matcher(r.name()).find()
                && schema.matcher(r.schema()).find()
                && (!visibleOnly || r.schema().equals(current))) {
              rows.add(new Object[] {r.schema(), r.name(), r});
            }
          }
          rows.sort(Rows.BY_FIRST_TWO);
          List<Object[]> out = new ArrayList<>();
          for (Object[] r : rows) {
            out.add(new Object[] {oids.oid((H2Catalog.Relation) r[2]), r[0], r[1]});
          }
          return out;
        });
  }

  private CatalogAnswer relation(Long oid) {
    List<Column> columns =
        Rows.columns(
            "relchecks",
            INT2,
            "relkind",
            CHAR,
            "relhasindex",
            BOOL,
            "relhasrules",
            BOOL,
            "relhastriggers",
            BOOL,
            "relrowsecurity",
            BOOL,
            "relforcerowsecurity",
            BOOL,
            "relhasoids",
            BOOL,
            "relispartition",
            BOOL,
            "?column?",
            TEXT,
            "reltablespace",
            OID,
            "reloftype",
            TEXT,
            "relpersistence",
            CHAR,
            "relreplident",
            CHAR,
            "amname",
            NAME);
    return new CatalogAnswer(
        columns,
        () -> {
          H2Catalog.Relation r = oids.relation(oid);
          if (r == null) {
            return List.of();
          }
          boolean table = r.kind().equals("r");
          boolean hasIndex = table && !catalog.indexes(r.schema(), r.name()).isEmpty();
          return List.<Object[]>of(
              new Object[] {
                (short) 0,
                r.kind(),
                hasIndex,
                false,
                false,
                false,
                false,
                false,
                false,
                "",
                0L,
                "",
                "p",
                table ? "d" : "n",
                table ? "heap" : null
              });
        });
  }

  private CatalogAnswer attributes(Long oid, boolean verbose) {
    List<Column> columns =
        new ArrayList<>(
            Rows.columns(
                "attname",
                NAME,
                "format_type",
                TEXT,
                "pg_get_expr",
                TEXT,
                "attnotnull",
                BOOL,
                "attcollation",
                NAME,
                "attidentity",
                CHAR,
                "attgenerated",
                CHAR));
    if (verbose) {
      columns.addAll(
          Rows.columns(
              "attstorage",
              CHAR,
              "attcompression",
              CHAR,
              "attstattarget",
              INT2,
              "col_description",
              TEXT));
    }
    return new CatalogAnswer(
        columns,
        () -> {
          H2Catalog.Relation r = oids.relation(oid);
          List<Object[]> rows = new ArrayList<>();
          if (r == null) {
            return rows;
          }
          for (H2Catalog.ColumnInfo c : catalog.columns(r.schema(), r.name())) {
            Object[] base = {
              c.name(), c.type(), c.defaultExpr(), c.notNull(), null, c.identity(), c.generated()
            };
            if (!verbose) {
              rows.add(base);
              continue;
            }
            String storage =
                PLAIN_STORAGE.contains(c.type()) || c.type().startsWith("time")
                    ? "p"
                    : c.type().startsWith("numeric") ? "m" : "x";
            Object[] row = java.util.Arrays.copyOf(base, 11);
            row[7] = storage;
            row[8] = "";
            rows.add(row);
          }
          return rows;
        });
  }

  private CatalogAnswer indexes(Long oid) {
    List<Column> columns =
        Rows.columns(
            "relname",
            NAME,
            "indisprimary",
            BOOL,
            "indisunique",
            BOOL,
            "indisclustered",
            BOOL,
            "indisvalid",
            BOOL,
            "pg_get_indexdef",
            TEXT,
            "pg_get_constraintdef",
            TEXT,
            "contype",
            CHAR,
            "condeferrable",
            BOOL,
            "condeferred",
            BOOL,
            "indisreplident",
            BOOL,
            "reltablespace",
            OID);
    return new CatalogAnswer(
        columns,
        () -> {
          H2Catalog.Relation r = oids.relation(oid);
          List<Object[]> rows = new ArrayList<>();
          if (r == null || !r.kind().equals("r")) {
            return rows;
          }
          for (H2Catalog.IndexInfo i : catalog.indexes(r.schema(), r.name())) {
            String cols = String.join(", ", i.columns());
            String def =
                "CREATE "
                    + (i.unique() ? "UNIQUE " : "")
                    + "INDEX "
                    + PgTypeNames.quoteIdent(i.name())
                    + " ON "
                    + PgTypeNames.quoteIdent(r.name())
                    + " USING btree ("
                    + cols
                    + ")";
            String constraintDef =
                i.constraintType() == null
                    ? null
                    : (i.primary() ? "PRIMARY KEY (" : "UNIQUE (") + cols + ")";
            rows.add(
                new Object[] {
                  i.name(),
                  i.primary(),
                  i.unique(),
                  false,
                  true,
                  def,
                  constraintDef,
                  i.constraintType(),
                  false,
                  false,
                  false,
                  0L
                });
          }
          // ORDER BY i.indisprimary DESC, c2.relname
          rows.sort(
              java.util.Comparator.comparing((Object[] x) -> !(Boolean) x[1])
                  .thenComparing(x -> (String) x[0]));
          return rows;
        });
  }
}
