package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.storage.DatabaseChecksum;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel or {@code statement_timeout} stops a write wherever it is: running on the database's
 * writer, queued behind another session's write, running inside a transaction block, or waiting for
 * an open block (a schema change waiting to have the database alone, a row lock; {@code
 * lock_timeout} too). What was cancelled is neither visible nor logged (the slave's checksums equal
 * the master's), and a cancel never hits another session's statement on the shared writer.
 */
class WriteCancelIT {

  /** Tens of billions of row combinations: a write that runs until something stops it. */
  static final String SLOW_WRITE =
      "insert into sink select count(*) from big a, big b, big c, big d, big e";

  /** Far above what any assertion below waits for: hitting it means a cancel was lost. */
  static final long LOCK_TIMEOUT_MS = 60_000;

  @TempDir static Path dir;
  static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start(dir, 1, "--lock-timeout-ms", Long.toString(LOCK_TIMEOUT_MS));
    String values =
        IntStream.rangeClosed(1, 100).mapToObj(i -> "(" + i + ")").collect(Collectors.joining(","));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create table big (x int)");
      s.execute("insert into big values " + values);
      s.execute("create table sink (n bigint)");
      s.execute("create table marks (session int, i int)");
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("delete from sink");
      s.execute("delete from marks");
    }
  }

  static Connection connect() throws SQLException {
    return InProcessNode.connect(cluster.master(), "distdb");
  }

  @Test
  void statementTimeoutStopsAnAutocommitWriteOnTheWriter() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("set statement_timeout = '300ms'");
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.execute(SLOW_WRITE))
          .hasMessageContaining("canceling statement due to statement timeout")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(20));
      s.execute("insert into sink values (7)");
      assertThat(count(s, "select count(*) from sink")).isEqualTo(1);
    }
    assertReplicaEqual();
  }

  @Test
  void aCancelRequestStopsAWriteInsideATransactionBlock() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("begin");
      s.execute("insert into sink values (1)");
      CompletableFuture<Void> canceller = cancelAfter(s, 300);
      assertThatThrownBy(() -> s.execute(SLOW_WRITE))
          .hasMessageContaining("canceling statement due to user request")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      canceller.get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> s.execute("select 1"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("25P02");
      s.execute("rollback");
      assertThat(count(s, "select count(*) from sink")).isZero();
    }
    assertReplicaEqual();
  }

  @Test
  void aWriteQueuedBehindAnotherSessionsWriteTimesOutAndNeverRuns() throws Exception {
    try (Connection busy = connect();
        Statement slow = busy.createStatement();
        Connection waiting = connect();
        Statement queued = waiting.createStatement()) {
      CompletableFuture<Void> longWrite = runAsync(slow, SLOW_WRITE);
      awaitWriterBusy();
      queued.execute("set statement_timeout = '300ms'");
      long start = System.nanoTime();
      assertThatThrownBy(() -> queued.execute("insert into marks values (2, 1)"))
          .hasMessageContaining("canceling statement due to statement timeout")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(20));
      slow.cancel();
      assertThatThrownBy(() -> longWrite.get(20, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(SQLException.class)
          .hasMessageContaining("57014");
      queued.execute("set statement_timeout = 0");
      queued.execute("insert into marks values (2, 2)");
      // The withdrawn insert was never run, not even after the writer was free again.
      assertThat(count(queued, "select count(*) from marks where i = 1")).isZero();
      assertThat(count(queued, "select count(*) from marks where i = 2")).isEqualTo(1);
    }
    assertReplicaEqual();
  }

  @Test
  void statementsWaitingForAnOpenBlockTimeOut() throws Exception {
    withHolderAndWaiter(
        (holding, waiting) -> {
          holding.execute("begin");
          holding.execute("insert into marks values (1, 1)");
          waiting.execute("set statement_timeout = '300ms'");
          // Another block writes beside it.
          waiting.execute("begin");
          waiting.execute("insert into marks values (2, 1)");
          waiting.execute("commit");
          // A schema change needs the database alone: it waits for the block, and a timeout
          // withdraws it for good, in or out of a block.
          assertTimesOut(waiting, "create table later (x int)");
          waiting.execute("begin");
          assertTimesOut(waiting, "create table later (x int)");
          waiting.execute("rollback");
          // A row the block has changed: the wait for its lock ends at statement_timeout, in a
          // block and on the writer, and at lock_timeout with PostgreSQL's 55P03.
          holding.execute("update marks set i = 2 where session = 0");
          waiting.execute("begin");
          assertTimesOut(waiting, "update marks set i = 3 where session = 0");
          waiting.execute("rollback");
          assertTimesOut(waiting, "update marks set i = 4 where session = 0");
          waiting.execute("set statement_timeout = 0");
          waiting.execute("set lock_timeout = '200ms'");
          long start = System.nanoTime();
          assertThatThrownBy(() -> waiting.execute("update marks set i = 5 where session = 0"))
              .hasMessageContaining("canceling statement due to lock timeout")
              .extracting(e -> ((SQLException) e).getSQLState())
              .isEqualTo("55P03");
          assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
          waiting.execute("set lock_timeout = 0");
          holding.execute("commit");
          waiting.execute("set statement_timeout = 0");
          assertThat(count(waiting, "select count(*) from marks")).isEqualTo(3);
          assertThat(count(waiting, "select count(*) from marks where session = 0 and i = 2"))
              .isEqualTo(1);
          assertThatThrownBy(() -> waiting.execute("select * from later"))
              .extracting(e -> ((SQLException) e).getSQLState())
              .isEqualTo("42P01");
        });
  }

  /**
   * A CancelRequest ends a wait for a row lock another transaction holds at once, as PostgreSQL's
   * does ("canceling statement due to user request"): in a transaction block (an UPDATE, a SELECT
   * ... FOR UPDATE) and on the writer. The engine's lock wait would otherwise last until its bound
   * (10 s without lock_timeout).
   */
  @Test
  void aCancelRequestEndsAWaitForARowLock() throws Exception {
    withHolderAndWaiter(
        (holding, waiting) -> {
          holding.execute("begin");
          holding.execute("update marks set i = 1 where session = 0");
          waiting.execute("begin");
          assertCancelEndsLockWait(waiting, "update marks set i = 2 where session = 0");
          assertThatThrownBy(() -> waiting.execute("select 1"))
              .extracting(e -> ((SQLException) e).getSQLState())
              .isEqualTo("25P02");
          waiting.execute("rollback");
          waiting.execute("begin");
          assertCancelEndsLockWait(waiting, "select * from marks where session = 0 for update");
          waiting.execute("rollback");
          assertCancelEndsLockWait(waiting, "update marks set i = 3 where session = 0");
          holding.execute("commit");
          assertThat(count(waiting, "select i from marks where session = 0")).isEqualTo(1);
          waiting.execute("update marks set i = 4 where session = 0");
          assertThat(count(holding, "select i from marks where session = 0")).isEqualTo(4);
        });
  }

  /** Two sessions, a row (0, 0) in marks between them; then the replica must equal the master. */
  private static void withHolderAndWaiter(HolderAndWaiter body) throws Exception {
    try (Connection owner = connect();
        Statement holding = owner.createStatement();
        Connection other = connect();
        Statement waiting = other.createStatement()) {
      holding.execute("insert into marks values (0, 0)");
      body.run(holding, waiting);
    }
    assertReplicaEqual();
  }

  private interface HolderAndWaiter {
    void run(Statement holding, Statement waiting) throws Exception;
  }

  private static void assertCancelEndsLockWait(Statement s, String sql) throws Exception {
    CompletableFuture<Void> canceller = cancelAfter(s, 500);
    assertCanceled(s, sql, "canceling statement due to user request");
    canceller.get(10, TimeUnit.SECONDS);
  }

  private static void assertTimesOut(Statement s, String sql) {
    assertCanceled(s, sql, "canceling statement due to statement timeout");
  }

  /** {@code sql} fails with 57014 for {@code reason}, well before any engine bound. */
  private static void assertCanceled(Statement s, String sql, String reason) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> s.execute(sql))
        .as(sql)
        .hasMessageContaining(reason)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("57014");
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
  }

  /**
   * One session's statements time out after a millisecond while another's share the writer with
   * them: a cancel that reaches the engine just as its statement ends must not fail the next one.
   */
  @Test
  void timeoutsOfOneSessionNeverFailAnothersWrites() throws Exception {
    int rounds = 300;
    try (Connection a = connect();
        Statement hurried = a.createStatement();
        Connection b = connect();
        Statement patient = b.createStatement()) {
      hurried.execute("set statement_timeout = '1ms'");
      CompletableFuture<Integer> hurriedWrites =
          CompletableFuture.supplyAsync(
              () -> {
                int ok = 0;
                for (int i = 0; i < rounds; i++) {
                  try {
                    hurried.execute("insert into marks values (1, " + i + ")");
                    ok++;
                  } catch (SQLException e) {
                    if (!"57014".equals(e.getSQLState())) {
                      throw new IllegalStateException(e);
                    }
                  }
                }
                return ok;
              });
      for (int i = 0; i < rounds; i++) {
        patient.execute("insert into marks values (2, " + i + ")");
      }
      int hurriedOk = hurriedWrites.get(60, TimeUnit.SECONDS);
      assertThat(count(patient, "select count(*) from marks where session = 2")).isEqualTo(rounds);
      assertThat(count(patient, "select count(*) from marks where session = 1"))
          .isEqualTo(hurriedOk);
    }
    assertReplicaEqual();
  }

  static CompletableFuture<Void> cancelAfter(Statement s, long millis) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            Thread.sleep(millis);
            s.cancel();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        task -> new Thread(task, "write-cancel-it").start());
  }

  /** A thread of its own: the common pool may have one thread, busy with another test's task. */
  static CompletableFuture<Void> runAsync(Statement s, String sql) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            s.execute(sql);
          } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
          }
        },
        task -> new Thread(task, "write-cancel-it").start());
  }

  /** Waits until a write started elsewhere occupies the writer: a probe write then times out. */
  static void awaitWriterBusy() throws SQLException {
    try (Connection c = connect();
        Statement probe = c.createStatement()) {
      probe.execute("set statement_timeout = '200ms'");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        try {
          probe.execute("insert into marks values (9, 9)");
        } catch (SQLException e) {
          if ("57014".equals(e.getSQLState())) {
            return;
          }
          throw e;
        }
      }
      throw new AssertionError("the writer never became busy");
    }
  }

  static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void assertReplicaEqual() {
    Map<String, DatabaseChecksum.Result> master = cluster.awaitConverged(Duration.ofSeconds(30));
    assertThat(master).containsKey("distdb");
    assertThat(cluster.slave(0).checksums()).isEqualTo(master);
  }
}
