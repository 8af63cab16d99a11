package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgjdbc's DatabaseMetaData, which ORMs' schema validators (Hibernate's hbm2ddl, Liquibase, jOOQ's
 * code generator) and GUI tools (DBeaver, IntelliJ) call, answered by a distdb master and its slave
 * as by PostgreSQL 15 for the same schema: method by method, every column of every row as text.
 * What still differs is listed in {@link #EXPECTED} with its reason; a listed difference that no
 * longer occurs fails the test too.
 */
class JdbcMetaDataIT {

  private static final String DATABASE = "meta";

  /** Serial keys, a composite key, foreign keys with actions, indexes, the types tools map. */
  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE authors (id serial PRIMARY KEY, email varchar(120) NOT NULL UNIQUE,"
              + " name varchar(80), joined timestamptz, active bool NOT NULL DEFAULT true,"
              + " rating numeric(4,1) DEFAULT 0)",
          "CREATE TABLE books (id bigserial PRIMARY KEY,"
              + " author_id int NOT NULL REFERENCES authors (id) ON DELETE CASCADE,"
              + " editor_id int, title text NOT NULL,"
              + " price numeric(8,2), tags text[], meta jsonb, isbn uuid, cover bytea,"
              + " pages smallint, weight double precision,"
              // Table-level: JSqlParser 5.3 does not parse a column's REFERENCES ... SET NULL.
              + " FOREIGN KEY (editor_id) REFERENCES authors (id) ON DELETE SET NULL)",
          "CREATE INDEX books_title_idx ON books (title)",
          "CREATE INDEX books_author_price_idx ON books (author_id, price)",
          "CREATE UNIQUE INDEX books_isbn_idx ON books (isbn)",
          "CREATE TABLE editions (book_id bigint NOT NULL, edition int NOT NULL, published date,"
              + " PRIMARY KEY (book_id, edition),"
              + " FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE)",
          "CREATE TABLE reprints (id serial PRIMARY KEY, book_id bigint, edition int, copies int,"
              + " FOREIGN KEY (book_id, edition) REFERENCES editions (book_id, edition))",
          "CREATE VIEW author_names AS SELECT id, name FROM authors");

  private static final List<String> TABLES = List.of("authors", "books", "editions", "reprints");

  /** Types getTypeInfo is compared on: those of the schema, and the tables' row types' arrays. */
  private static final Set<String> TYPES =
      Set.of(
          "int2",
          "int4",
          "int8",
          "serial",
          "bigserial",
          "varchar",
          "text",
          "numeric",
          "float8",
          "bool",
          "date",
          "timestamptz",
          "timestamp",
          "uuid",
          "bytea",
          "jsonb",
          "_text",
          "_int4",
          "_authors",
          "_books",
          "_editions",
          "_reprints",
          "_author_names",
          "authors",
          "books",
          "author_names");

  /** Method (and argument) → why distdb answers otherwise. */
  private static final Map<String, String> EXPECTED =
      Map.of(
          "getCatalogs",
          "the databases differ: a node has its default database distdb and no template1 a client"
              + " can connect to (PostgreSQL lists meta, postgres, template1; distdb distdb, meta,"
              + " postgres)");

  /** A DatabaseMetaData call. */
  private interface Call {
    ResultSet run(DatabaseMetaData m) throws SQLException;
  }

  @TempDir Path dir;

  @Test
  void databaseMetaDataAnswersLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    Map<String, Call> calls = calls();
    List<String> unexpected = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    ExecutorService executor = Executors.newCachedThreadPool();
    try (PostgresServer pg = PostgresServer.start();
        Cluster cluster = Cluster.start(dir, 1)) {
      create(pg.connect("postgres"));
      create(InProcessNode.connect(cluster.master(), "distdb"));
      Map<String, List<List<String>>> want;
      try (Connection c = pg.connect(DATABASE)) {
        schema(c);
        want = answers(calls, c, executor);
      }
      try (Connection c = InProcessNode.connect(cluster.master(), DATABASE)) {
        schema(c);
      }
      cluster.awaitConverged(Duration.ofSeconds(60));
      for (boolean onSlave : new boolean[] {false, true}) {
        Map<String, List<List<String>>> got;
        try (Connection c =
            InProcessNode.connect(onSlave ? cluster.slave(0) : cluster.master(), DATABASE)) {
          got = answers(calls, c, executor);
        }
        for (String name : calls.keySet()) {
          if (want.get(name).equals(got.get(name))) {
            continue;
          }
          if (EXPECTED.containsKey(name)) {
            seen.add(name);
          } else {
            unexpected.add(
                (onSlave ? "[slave] " : "[master] ")
                    + name
                    + "\n    postgres: "
                    + want.get(name)
                    + "\n    distdb:   "
                    + got.get(name));
          }
        }
      }
    } finally {
      executor.shutdownNow();
    }
    Set<String> stale = new LinkedHashSet<>(EXPECTED.keySet());
    stale.removeAll(seen);
    assertThat(unexpected).as("differences not listed in EXPECTED").isEmpty();
    assertThat(stale).as("expected differences that no longer occur").isEmpty();
  }

  private static Map<String, Call> calls() {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("getCatalogs", DatabaseMetaData::getCatalogs);
    calls.put("getSchemas", DatabaseMetaData::getSchemas);
    calls.put("getSchemas(public)", m -> m.getSchemas(null, "public"));
    calls.put("getTables", m -> m.getTables(null, "public", "%", new String[] {"TABLE", "VIEW"}));
    calls.put("getTableTypes", DatabaseMetaData::getTableTypes);
    for (String t : TABLES) {
      calls.put("getColumns(" + t + ")", m -> m.getColumns(null, "public", t, "%"));
      calls.put("getPrimaryKeys(" + t + ")", m -> m.getPrimaryKeys(null, "public", t));
      calls.put("getImportedKeys(" + t + ")", m -> m.getImportedKeys(null, "public", t));
      calls.put("getExportedKeys(" + t + ")", m -> m.getExportedKeys(null, "public", t));
      calls.put(
          "getIndexInfo(" + t + ", unique)", m -> m.getIndexInfo(null, "public", t, true, true));
      calls.put("getIndexInfo(" + t + ")", m -> m.getIndexInfo(null, "public", t, false, true));
      calls.put(
          "getBestRowIdentifier(" + t + ")",
          m -> m.getBestRowIdentifier(null, "public", t, DatabaseMetaData.bestRowSession, true));
      calls.put("getVersionColumns(" + t + ")", m -> m.getVersionColumns(null, "public", t));
    }
    // Argument types of built-in functions (pg_proc.proargtypes is an oidvector).
    calls.put("getFunctionColumns(abs)", m -> m.getFunctionColumns(null, "pg_catalog", "abs", "%"));
    calls.put(
        "getProcedureColumns(lower)", m -> m.getProcedureColumns(null, "pg_catalog", "lower", "%"));
    calls.put("getColumns(author_names)", m -> m.getColumns(null, "public", "author_names", "%"));
    calls.put(
        "getCrossReference(authors, books)",
        m -> m.getCrossReference(null, "public", "authors", null, "public", "books"));
    calls.put("getProcedures", m -> m.getProcedures(null, "public", "%"));
    calls.put("getFunctions", m -> m.getFunctions(null, "public", "%"));
    calls.put("getUDTs", m -> m.getUDTs(null, "public", "%", null));
    calls.put("getTypeInfo", DatabaseMetaData::getTypeInfo);
    return calls;
  }

  /**
   * Each call's rows, every column as text (getTypeInfo's only for {@link #TYPES}); a call that
   * fails answers its SQLSTATE, one that takes over a minute "timeout" (and a new connection).
   */
  private static Map<String, List<List<String>>> answers(
      Map<String, Call> calls, Connection connection, ExecutorService executor) throws Exception {
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Call> e : calls.entrySet()) {
      DatabaseMetaData m = connection.getMetaData();
      Future<List<List<String>>> f = executor.submit(() -> rows(e.getKey(), e.getValue(), m));
      try {
        out.put(e.getKey(), f.get(60, TimeUnit.SECONDS));
      } catch (TimeoutException timeout) {
        f.cancel(true);
        out.put(e.getKey(), List.of(List.of("timeout")));
        throw new AssertionError(e.getKey() + " took over a minute");
      }
    }
    return out;
  }

  private static List<List<String>> rows(String name, Call call, DatabaseMetaData m) {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = call.run(m)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i));
      }
      rows.add(labels);
      List<List<String>> body = new ArrayList<>();
      while (rs.next()) {
        if (name.equals("getTypeInfo") && !TYPES.contains(rs.getString("TYPE_NAME"))) {
          continue;
        }
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        body.add(row);
      }
      if (name.equals("getTypeInfo")) {
        // Sorted by DATA_TYPE by pgjdbc; within one, in the order the server's unordered query
        // returned them (PostgreSQL's by OID, as stored).
        body.sort(java.util.Comparator.comparing(String::valueOf));
      }
      rows.addAll(body);
    } catch (SQLException e) {
      rows.add(List.of("error " + e.getSQLState() + ": " + e.getMessage()));
    }
    return rows;
  }

  private static void schema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : SCHEMA) {
        s.execute(ddl);
      }
    }
  }

  private static void create(Connection c) throws SQLException {
    try (c;
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    }
  }
}
