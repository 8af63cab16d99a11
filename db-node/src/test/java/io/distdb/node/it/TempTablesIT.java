package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.Node;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Temporary tables are private to their session, as in PostgreSQL: never logged, replicated or
 * counted in checksums, dropped when the session ends; a slave refuses to create them.
 */
class TempTablesIT {

  @TempDir static Path dir;
  private static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start(dir, 1);
    // The slave may still be installing the master's snapshot, its databases briefly absent.
    cluster.awaitConverged(java.time.Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static Node master() {
    return cluster.master();
  }

  @Test
  void eachSessionHasItsOwnTemporaryTableOfTheSameName() throws Exception {
    try (Connection a = InProcessNode.connect(master(), "distdb");
        Connection b = InProcessNode.connect(master(), "distdb");
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      long lsn = master().status().lastLsn();
      sa.execute("CREATE TEMP TABLE iso (a int)");
      sa.executeUpdate("INSERT INTO iso VALUES (1), (2)");
      assertSqlState(() -> sb.executeQuery("SELECT * FROM iso"), "42P01");
      sb.execute("CREATE TEMPORARY TABLE iso (a int, b text)");
      sb.executeUpdate("INSERT INTO iso VALUES (7, 'b')");
      assertThat(rows(sa, "SELECT a FROM iso ORDER BY a")).containsExactly("1", "2");
      assertThat(rows(sb, "SELECT a || b FROM iso")).containsExactly("7b");
      assertThat(sa.executeUpdate("UPDATE iso SET a = a + 10")).isEqualTo(2);
      assertThat(sa.executeUpdate("DELETE FROM iso WHERE a = 12")).isEqualTo(1);
      sa.execute("TRUNCATE iso");
      // H2 cannot add a column to a temporary table (a documented difference).
      assertSqlState(() -> sa.execute("ALTER TABLE iso ADD COLUMN c int"), "0A000");
      sa.execute("CREATE INDEX ON iso (a)");
      long copied =
          a.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY iso FROM STDIN", new StringReader("30\n31\n"));
      assertThat(copied).isEqualTo(2);
      assertThat(rows(sa, "SELECT count(*) FROM iso")).containsExactly("2");
      sa.execute("DROP TABLE iso");
      assertSqlState(() -> sa.executeQuery("SELECT * FROM iso"), "42P01");
      assertThat(rows(sb, "SELECT count(*) FROM iso")).containsExactly("1");
      // Nothing about either session's table reached the log.
      assertThat(master().status().lastLsn()).isEqualTo(lsn);
    }
  }

  @Test
  void aTemporaryTableGoesWithItsSession() throws Exception {
    try (Connection a = InProcessNode.connect(master(), "distdb");
        Statement s = a.createStatement()) {
      s.execute("CREATE TEMP TABLE gone (a int)");
      s.executeUpdate("INSERT INTO gone VALUES (1)");
    }
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      assertSqlState(() -> s.executeQuery("SELECT * FROM gone"), "42P01");
      // The name is free for a permanent table, which replicates as usual.
      s.execute("CREATE TABLE gone (a int)");
      s.execute("DROP TABLE gone");
    }
  }

  @Test
  void onCommitDropAndDeleteRowsActAtCommit() throws Exception {
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("BEGIN");
      s.execute("CREATE TEMP TABLE dropped (a int) ON COMMIT DROP");
      s.executeUpdate("INSERT INTO dropped VALUES (1)");
      assertThat(rows(s, "SELECT count(*) FROM dropped")).containsExactly("1");
      s.execute("COMMIT");
      assertSqlState(() -> s.executeQuery("SELECT * FROM dropped"), "42P01");

      s.execute("CREATE TEMP TABLE emptied (a int) ON COMMIT DELETE ROWS");
      s.execute("BEGIN");
      s.executeUpdate("INSERT INTO emptied VALUES (1), (2)");
      assertThat(rows(s, "SELECT count(*) FROM emptied")).containsExactly("2");
      s.execute("COMMIT");
      assertThat(rows(s, "SELECT count(*) FROM emptied")).containsExactly("0");

      // Alone, the statement is its own transaction: PostgreSQL counts its rows, then commits.
      assertThat(s.executeUpdate("CREATE TEMP TABLE counted ON COMMIT DELETE ROWS AS SELECT 1 a"))
          .isEqualTo(1);
      assertThat(rows(s, "SELECT count(*) FROM counted")).containsExactly("0");
    }
  }

  @Test
  void aRolledBackBlockTakesItsTemporaryTablesAndRows() throws Exception {
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE kept (a int)");
      s.execute("BEGIN");
      s.execute("CREATE TEMP TABLE undone (a int)");
      s.executeUpdate("INSERT INTO kept VALUES (1)");
      s.execute("ROLLBACK");
      assertSqlState(() -> s.executeQuery("SELECT * FROM undone"), "42P01");
      assertThat(rows(s, "SELECT count(*) FROM kept")).containsExactly("0");
      s.execute("DISCARD TEMP");
      assertSqlState(() -> s.executeQuery("SELECT * FROM kept"), "42P01");
      s.execute("CREATE TEMP TABLE again (a int)");
      s.execute("DISCARD ALL");
      assertSqlState(() -> s.executeQuery("SELECT * FROM again"), "42P01");
    }
  }

  @Test
  void hibernateBulkDeleteThroughATemporaryTableReplicatesOnlyThePermanentRows() throws Exception {
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bulk (id int PRIMARY KEY, v text)");
      s.executeUpdate("INSERT INTO bulk VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      s.execute("CREATE TEMP TABLE counter (id serial PRIMARY KEY, n int)");
      s.executeUpdate("INSERT INTO counter (n) VALUES (1), (2)");
      c.setAutoCommit(false);
      s.execute(
          "create temporary table if not exists HTE_bulk (id int not null, primary key (id))"
              + " on commit drop");
      s.executeUpdate("insert into HTE_bulk select id from bulk where v <> 'c'");
      assertThat(s.executeUpdate("delete from bulk where id in (select id from HTE_bulk)"))
          .isEqualTo(2);
      c.commit();
      c.setAutoCommit(true);
      assertSqlState(() -> s.executeQuery("SELECT * FROM HTE_bulk"), "42P01");
      // Alone, a write to a permanent table that reads a temporary one.
      s.execute("CREATE TEMP TABLE extra (id int)");
      s.executeUpdate("INSERT INTO extra VALUES (4), (5)");
      assertThat(s.executeUpdate("INSERT INTO bulk SELECT id, 'x' FROM extra")).isEqualTo(2);
      assertSqlState(() -> s.execute("CREATE TABLE copied AS SELECT * FROM extra"), "0A000");

      cluster.awaitConverged(Duration.ofSeconds(60));
      assertThat(cluster.slave(0).checksums()).isEqualTo(master().checksums());
      try (Connection slave = InProcessNode.connect(cluster.slave(0), "distdb");
          Statement r = slave.createStatement()) {
        assertThat(rows(r, "SELECT id FROM bulk ORDER BY id")).containsExactly("3", "4", "5");
        assertSqlState(() -> r.executeQuery("SELECT * FROM extra"), "42P01");
        assertSqlState(() -> r.executeQuery("SELECT * FROM counter"), "42P01");
      }
    }
  }

  @Test
  void aBlocksPermanentSchemaChangesUndoAndCommitBesideTemporaryTables() throws Exception {
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE numbered (id serial PRIMARY KEY, v text)");
      s.executeUpdate("INSERT INTO numbered (v) VALUES ('a'), ('b')");
      s.execute("BEGIN");
      s.execute("CREATE TABLE ddl_undone (id int PRIMARY KEY)");
      s.executeUpdate("INSERT INTO numbered (v) VALUES ('c')");
      s.execute("ROLLBACK");
      assertSqlState(() -> s.executeQuery("SELECT * FROM ddl_undone"), "42P01");
      s.execute("BEGIN");
      s.execute("CREATE TABLE ddl_kept (id int PRIMARY KEY)");
      s.executeUpdate("INSERT INTO ddl_kept SELECT id FROM numbered");
      s.execute("COMMIT");
      assertThat(rows(s, "SELECT count(*) FROM ddl_kept")).containsExactly("2");
    }
    cluster.awaitConverged(Duration.ofSeconds(60));
    assertThat(cluster.slave(0).checksums()).isEqualTo(master().checksums());
    try (Connection slave = InProcessNode.connect(cluster.slave(0), "distdb");
        Statement r = slave.createStatement()) {
      assertThat(rows(r, "SELECT id FROM ddl_kept ORDER BY id")).containsExactly("1", "2");
    }
  }

  @Test
  void foreignKeysStayOnTheirSideAsInPostgres() throws Exception {
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE fk_parent (a int PRIMARY KEY)");
      assertSqlState(
          () -> s.execute("CREATE TEMP TABLE fk_child (a int REFERENCES fk_parent (a))"), "42P16");
      s.execute("CREATE TEMP TABLE tree (id int PRIMARY KEY, parent int REFERENCES tree (id))");
      s.execute("CREATE TEMP TABLE leaf (id int REFERENCES tree (id))");
      assertSqlState(
          () -> s.execute("CREATE TABLE fk_perm (id int REFERENCES tree (id))"), "42P16");
      s.execute("DROP TABLE leaf, tree");
      s.execute("DROP TABLE fk_parent");
    }
  }

  @Test
  void aSlaveRefusesToCreateATemporaryTable() throws Exception {
    try (Connection slave = InProcessNode.connect(cluster.slave(0), "distdb");
        Statement s = slave.createStatement()) {
      assertSqlState(() -> s.execute("CREATE TEMP TABLE nope (a int)"), "25006");
      assertSqlState(() -> s.execute("CREATE TEMPORARY TABLE nope AS SELECT 1"), "25006");
    }
  }

  @Test
  void aTemporaryTableCannotYetShadowAPermanentOne() throws Exception {
    // distdb's documented difference: PostgreSQL creates one in pg_temp, searched first.
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE shadowed (a int)");
      assertSqlState(() -> s.execute("CREATE TEMP TABLE shadowed (a int)"), "42P07");
      s.execute("DROP TABLE shadowed");
    }
    try (Connection a = InProcessNode.connect(master(), "distdb");
        Connection b = InProcessNode.connect(master(), "distdb");
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      sa.execute("CREATE TEMP TABLE late (a int)");
      sb.execute("CREATE TABLE late (a int)");
      // H2 would find the permanent table first: changing it unlogged would diverge the slave.
      assertSqlState(() -> sa.executeUpdate("INSERT INTO late VALUES (1)"), "0A000");
      assertSqlState(() -> sa.execute("DROP TABLE late"), "0A000");
      sb.execute("DROP TABLE late");
      sa.executeUpdate("INSERT INTO late VALUES (1)");
      assertThat(rows(sa, "SELECT count(*) FROM late")).containsExactly("1");
    }
  }

  @Test
  void insideABlockThatWroteAPermanentTableATemporaryTableIsNotDropped() throws Exception {
    // distdb's documented difference: H2 commits for it, which would commit the block's rows.
    try (Connection c = InProcessNode.connect(master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE blocked (a int)");
      s.execute("CREATE TEMP TABLE scratch (a int)");
      s.execute("BEGIN");
      s.executeUpdate("INSERT INTO blocked VALUES (1)");
      assertSqlState(() -> s.execute("DROP TABLE scratch"), "0A000");
      s.execute("ROLLBACK");
      assertThat(rows(s, "SELECT count(*) FROM blocked")).containsExactly("0");
      s.execute("DROP TABLE scratch");
      s.execute("DROP TABLE blocked");
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertSqlState(Call call, String sqlState) {
    assertThatThrownBy(call::run)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
