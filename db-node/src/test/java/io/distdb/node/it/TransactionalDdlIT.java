package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL inside BEGIN ... COMMIT on a master with two slaves (real processes): a committed block is
 * everywhere with its rows; a block rolled back, failed half-way, abandoned by its client, rolled
 * back to a savepoint, or cut short by kill -9 of the master leaves every node as it was.
 */
class TransactionalDdlIT {

  private static final Duration CONVERGE = Duration.ofSeconds(60);

  /** A migration as frameworks run it: new table, rows, changes to it and to an older table. */
  private static final List<String> MIGRATION =
      List.of(
          "CREATE TABLE book (id SERIAL PRIMARY KEY, title VARCHAR(50) NOT NULL, author_id INT)",
          "INSERT INTO book (title, author_id) VALUES ('Emma', 1), ('Ulysses', 2)",
          "ALTER TABLE book ADD COLUMN pages INT DEFAULT 100",
          "ALTER TABLE book ADD CONSTRAINT book_author FOREIGN KEY (author_id)"
              + " REFERENCES author (id) DEFERRABLE INITIALLY DEFERRED",
          "CREATE INDEX book_title ON book (title varchar_pattern_ops)",
          "INSERT INTO author (id, name) VALUES (3, 'Woolf')",
          "ALTER TABLE author ALTER COLUMN name TYPE VARCHAR(200)",
          "ALTER TABLE author ALTER COLUMN name DROP NOT NULL",
          "UPDATE author SET born = now() WHERE id = 1",
          "ALTER TABLE author DROP COLUMN note",
          "ALTER TABLE author ADD COLUMN added INT DEFAULT 7");

  @TempDir Path dir;

  @Test
  void committedBlockReachesEveryNodeAndUnfinishedOnesLeaveNothing() throws Exception {
    try (NodeProcess m = master().start();
        NodeProcess s0 = slave("s0", m).start();
        NodeProcess s1 = slave("s1", m).start()) {
      List<NodeProcess> slaves = List.of(s0, s1);
      createAuthors(m);
      var before = converged(m, slaves);

      // ROLLBACK
      try (Connection c = connect(m)) {
        c.setAutoCommit(false);
        run(c, MIGRATION);
        c.rollback();
      }
      assertThat(converged(m, slaves)).isEqualTo(before);

      // an error half-way, then ROLLBACK
      try (Connection c = connect(m)) {
        c.setAutoCommit(false);
        run(c, MIGRATION.subList(0, 5));
        assertThatThrownBy(() -> run(c, List.of("ALTER TABLE book ADD COLUMN title TEXT")))
            .isInstanceOf(SQLException.class);
        c.rollback();
      }
      assertThat(converged(m, slaves)).isEqualTo(before);

      // ROLLBACK TO a savepoint set before the first change, then COMMIT
      try (Connection c = connect(m)) {
        c.setAutoCommit(false);
        var sp = c.setSavepoint("start");
        run(c, MIGRATION);
        c.rollback(sp);
        c.commit();
      }
      assertThat(converged(m, slaves)).isEqualTo(before);

      // the client goes away mid-block
      Connection gone = connect(m);
      gone.setAutoCommit(false);
      run(gone, MIGRATION.subList(0, 7));
      gone.unwrap(org.postgresql.PGConnection.class);
      gone.abort(Runnable::run);
      await().atMost(CONVERGE).until(() -> !tableExists(m, "book"));
      assertThat(converged(m, slaves)).isEqualTo(before);

      // COMMIT: others wait while the block is open, then see all of it
      try (Connection c = connect(m);
          Connection other = connect(m)) {
        c.setAutoCommit(false);
        run(c, MIGRATION);
        CompletableFuture<Integer> read =
            CompletableFuture.supplyAsync(() -> count(other, "SELECT count(*) FROM author"));
        Thread.sleep(500);
        assertThat(read).as("another session reads a half-done migration").isNotDone();
        c.commit();
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(3);
      }
      var after = converged(m, slaves);
      assertThat(after).isNotEqualTo(before);
      for (NodeProcess n : List.of(m, s0, s1)) {
        try (Connection c = connect(n)) {
          assertThat(count(c, "SELECT count(*) FROM book WHERE pages = 100")).isEqualTo(2);
          assertThat(count(c, "SELECT count(*) FROM author WHERE name IS NOT NULL")).isEqualTo(3);
          assertThat(count(c, "SELECT count(*) FROM author WHERE added IS NOT NULL")).isEqualTo(3);
        }
      }
    }
  }

  @Test
  void killedMasterRecoversAllOrNothingOfABlock() throws Exception {
    try (NodeProcess m = master().start();
        NodeProcess s0 = slave("s0", m).start();
        NodeProcess s1 = slave("s1", m).start()) {
      List<NodeProcess> slaves = List.of(s0, s1);
      createAuthors(m);
      var before = converged(m, slaves);

      for (int cut : new int[] {1, 3, 6, 9}) { // before the first DDL, between DDLs, late
        Connection c = connect(m);
        c.setAutoCommit(false);
        run(c, MIGRATION.subList(0, 0));
        run(c, List.of("INSERT INTO author (id, name) VALUES (10, 'x')"));
        run(c, MIGRATION.subList(0, cut));
        m.kill();
        c.abort(Runnable::run);
        m.start();
        assertThat(converged(m, slaves)).as("killed after %d statements", cut).isEqualTo(before);
      }

      // during COMMIT: acknowledged means all of it, otherwise none of it
      Connection c = connect(m);
      c.setAutoCommit(false);
      run(c, MIGRATION);
      CompletableFuture<Boolean> commit =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  c.commit();
                  return true;
                } catch (SQLException e) {
                  return false;
                }
              });
      m.kill();
      boolean acknowledged = commit.get(30, TimeUnit.SECONDS);
      m.start();
      var recovered = converged(m, slaves);
      boolean present = tableExists(m, "book");
      if (acknowledged) {
        assertThat(present).isTrue();
      }
      if (!present) {
        assertThat(recovered).isEqualTo(before);
      } else {
        try (Connection r = connect(m)) {
          assertThat(count(r, "SELECT count(*) FROM book")).isEqualTo(2);
          assertThat(count(r, "SELECT count(*) FROM author")).isEqualTo(3);
        }
      }

      // and after a committed block was acknowledged, a kill loses nothing
      if (!present) {
        try (Connection again = connect(m)) {
          again.setAutoCommit(false);
          run(again, MIGRATION);
          again.commit();
        }
      }
      var committed = converged(m, slaves);
      m.kill();
      m.start();
      assertThat(converged(m, slaves)).isEqualTo(committed);
      assertThat(tableExists(m, "book")).isTrue();
    }
  }

  private NodeProcess master() {
    return NodeProcess.master(dir.resolve("master"));
  }

  private NodeProcess slave(String name, NodeProcess master) {
    return NodeProcess.slave(dir.resolve(name), name, master);
  }

  private static void createAuthors(NodeProcess m) throws SQLException {
    try (Connection c = connect(m)) {
      run(
          c,
          List.of(
              "CREATE TABLE author (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                  + " born TIMESTAMPTZ, note TEXT)",
              "INSERT INTO author (id, name, note) VALUES (1, 'Austen', 'a'), (2, 'Joyce', 'b')"));
    }
  }

  /** Waits until both slaves applied all the master has; returns the (equal) checksums. */
  private static Map<String, ?> converged(NodeProcess master, List<NodeProcess> slaves)
      throws Exception {
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              long last = master.admin().status().lastLsn();
              for (NodeProcess s : slaves) {
                if (s.admin().status().appliedLsn() < last) {
                  return false;
                }
              }
              return true;
            });
    var expected = master.admin().checksums();
    for (NodeProcess s : slaves) {
      assertThat(s.admin().checksums()).isEqualTo(expected);
    }
    List<Object> sums = new ArrayList<>();
    expected.values().forEach(r -> sums.add(r.checksum()));
    return Map.of("checksums", sums);
  }

  private static boolean tableExists(NodeProcess n, String table) throws SQLException {
    try (Connection c = connect(n)) {
      return count(
              c,
              "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'")
          > 0;
    }
  }

  private static int count(Connection c, String sql) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(Connection c, List<String> sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static Connection connect(NodeProcess n) throws SQLException {
    return InProcessNode.connect(n.pgPort(), "distdb");
  }
}
