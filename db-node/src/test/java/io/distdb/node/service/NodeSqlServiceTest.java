package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.command.Change;
import io.distdb.node.command.Command;
import io.distdb.node.command.CommandCodec;
import io.distdb.node.log.LogCursor;
import io.distdb.node.log.LogEntry;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.replication.CommitGate;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path and session semantics on real storage and a real log, without the network. */
class NodeSqlServiceTest {

  private static final long LOCK_TIMEOUT_MILLIS = 500;

  @TempDir Path dir;
  ReplicationLog log;
  Storage storage;
  LocalWriteExecutor writes;
  SessionRegistry sessions = new SessionRegistry();
  NodeSqlService service;

  @BeforeEach
  void setUp() throws Exception {
    log = ReplicationLog.open(dir.resolve("log"), LogOptions.defaults());
    storage = new Storage(dir.resolve("db"));
    writes =
        new LocalWriteExecutor(
            storage, log, CommitGate.LOCAL, new NodeHealth(), sessions, LOCK_TIMEOUT_MILLIS, 1);
    service =
        new NodeSqlService(
            storage,
            writes,
            sessions,
            "15.0",
            Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC),
            EngineUser.WRITER,
            new NodeHealth());
    writes.createDatabase("app");
  }

  @AfterEach
  void tearDown() throws Exception {
    writes.close();
    storage.close();
    log.close();
  }

  private static ExecutionResult run(SqlSession s, String sql, Object... params)
      throws SqlException {
    return s.execute(s.prepare(sql, new int[0]), List.of(params));
  }

  private static List<Object[]> rows(ExecutionResult r) throws SqlException {
    List<Object[]> all = new ArrayList<>();
    for (List<Object[]> chunk = r.rows().next(100); !chunk.isEmpty(); chunk = r.rows().next(100)) {
      all.addAll(chunk);
    }
    r.rows().close();
    return all;
  }

  @Test
  void concurrentAutocommitWritesShareFsyncs() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE t (id INT PRIMARY KEY)");
    }
    long fsyncsBefore = log.fsyncCount();
    int threads = 8;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * perThread;
      futures.add(
          pool.submit(
              () -> {
                try (SqlSession s = service.open("u", "app")) {
                  for (int i = 0; i < perThread; i++) {
                    assertThat(run(s, "INSERT INTO t VALUES ($1)", String.valueOf(base + i)).tag())
                        .isEqualTo("INSERT 0 1");
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    try (SqlSession s = service.open("u", "app")) {
      assertThat(rows(run(s, "SELECT count(*) FROM t")).get(0)[0]).isEqualTo(800L);
    }
    assertThat(log.fsyncCount() - fsyncsBefore).isLessThan(threads * perThread);
  }

  @Test
  void nondeterministicWritesAreLoggedAsTheRowsTheyProduced() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE e (at TIMESTAMP WITH TIME ZONE, r DOUBLE PRECISION)");
      run(s, "INSERT INTO e VALUES (now() + random() * interval '1' day, random())");
    }
    Change.RowChanges rows = lastRows();
    assertThat(rows.table()).isEqualTo("e");
    assertThat(rows.rows()).hasSize(1);
    Object[] row = rows.rows().get(0).row();
    assertThat(row[0]).isInstanceOf(java.time.OffsetDateTime.class);
    assertThat(row[1]).isInstanceOf(Double.class);
  }

  @Test
  void dialectRewritesAreLoggedAsTheRowsTheEngineChanged() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE u (k text PRIMARY KEY, at timestamptz, n int4)");
      run(s, "INSERT INTO u (k, n) VALUES ('a', 1)");
      ExecutionResult r =
          run(
              s,
              "INSERT INTO u (k, at, n) VALUES ('a', now(), 2), ('b', now(), 3)"
                  + " ON CONFLICT (k) DO UPDATE SET at = excluded.at, n = u.n + excluded.n"
                  + " RETURNING k, n");
      assertThat(rows(r)).extracting(row -> row[1]).containsExactlyInAnyOrder(3, 3);
    }
    Change.RowChanges rows = lastRows();
    assertThat(rows.keyColumns()).containsExactly("k");
    assertThat(rows.rows())
        .extracting(Change.RowChange::op)
        .containsExactlyInAnyOrder(Change.Op.UPDATE, Change.Op.INSERT);
  }

  @Test
  void aSchemaChangeThatFailsPartWayLogsWhatTheEngineCommitted() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE tx (id int PRIMARY KEY)");
      run(s, "CREATE TABLE tp (id int PRIMARY KEY)");
      run(s, "CREATE TABLE tc (pid int REFERENCES tp (id))");
      run(s, "INSERT INTO tx VALUES (1), (2)");
      // The engine truncates tx, then refuses tp (a foreign key references it): tx stays empty
      // on this node, so replicas must truncate it too.
      assertThatThrownBy(() -> run(s, "TRUNCATE tx, tp")).isInstanceOf(SqlException.class);
      assertThat(rows(run(s, "SELECT count(*) FROM tx")).get(0)[0]).isEqualTo(0L);
    }
    assertThat(schemaChanges()).last().isEqualTo("TRUNCATE TABLE tx");
  }

  private List<String> schemaChanges() throws Exception {
    List<String> out = new ArrayList<>();
    try (LogCursor c = log.read(log.firstLsn())) {
      for (LogEntry e = c.next(); e != null; e = c.next()) {
        if (CommandCodec.decode(e.payload()) instanceof Command.Transaction t) {
          for (Change ch : t.changes()) {
            if (ch instanceof Change.SchemaChange sc) {
              out.add(sc.sql());
            }
          }
        }
      }
    }
    return out;
  }

  private Change.RowChanges lastRows() throws Exception {
    Change.RowChanges last = null;
    try (LogCursor c = log.read(log.firstLsn())) {
      for (LogEntry e = c.next(); e != null; e = c.next()) {
        if (CommandCodec.decode(e.payload()) instanceof Command.Transaction t) {
          for (Change ch : t.changes()) {
            if (ch instanceof Change.RowChanges r) {
              last = r;
            }
          }
        }
      }
    }
    assertThat(last).isNotNull();
    return last;
  }

  @Test
  void transactionBlockStatesFollowPostgres() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE k (id INT PRIMARY KEY)");
      assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
      run(s, "BEGIN");
      assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
      run(s, "INSERT INTO k VALUES (1)");
      run(s, "SAVEPOINT a");
      run(s, "INSERT INTO k VALUES (2)");
      assertThatThrownBy(() -> run(s, "INSERT INTO k VALUES (2)"))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
      assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
      assertThatThrownBy(() -> run(s, "SELECT 1"))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("25P02"));
      assertThat(run(s, "ROLLBACK TO SAVEPOINT a").tag()).isEqualTo("ROLLBACK");
      assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
      run(s, "ROLLBACK TO SAVEPOINT a");
      assertThat(run(s, "COMMIT").tag()).isEqualTo("COMMIT");
      assertThat(rows(run(s, "SELECT id FROM k ORDER BY id")))
          .extracting(r -> r[0])
          .containsExactly(1);
      run(s, "BEGIN");
      assertThatThrownBy(() -> run(s, "SELEC")).isInstanceOf(SqlException.class);
      assertThat(run(s, "COMMIT").tag()).isEqualTo("ROLLBACK");
    }
  }

  @Test
  void schemaChangesInsideABlockCommitOrVanishWithIt() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE k (id INT PRIMARY KEY)");
      run(s, "BEGIN");
      run(s, "INSERT INTO k VALUES (5)");
      run(s, "SAVEPOINT b");
      run(s, "CREATE TABLE inside (x INT)");
      run(s, "INSERT INTO inside VALUES (1)");
      // The engine committed at the CREATE: only a savepoint before the block's first change
      // can still be returned to.
      assertThatThrownBy(() -> run(s, "ROLLBACK TO SAVEPOINT b"))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
      assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
      assertThat(run(s, "ROLLBACK").tag()).isEqualTo("ROLLBACK");
      assertThat(rows(run(s, "SELECT count(*) FROM k")).get(0)[0]).isEqualTo(0L);
      assertThatThrownBy(() -> run(s, "SELECT * FROM inside")).isInstanceOf(SqlException.class);

      run(s, "BEGIN");
      run(s, "SAVEPOINT start");
      run(s, "CREATE TABLE inside (x INT)");
      run(s, "INSERT INTO k VALUES (6)");
      run(s, "ROLLBACK TO SAVEPOINT start");
      run(s, "INSERT INTO k VALUES (7)");
      assertThat(run(s, "COMMIT").tag()).isEqualTo("COMMIT");
      assertThat(rows(run(s, "SELECT id FROM k")).get(0)[0]).isEqualTo(7);
      assertThatThrownBy(() -> run(s, "SELECT * FROM inside")).isInstanceOf(SqlException.class);

      run(s, "BEGIN");
      run(s, "CREATE TABLE inside (x INT)");
      run(s, "INSERT INTO inside VALUES (1), (2)");
      run(s, "ALTER TABLE inside ADD COLUMN y INT DEFAULT 3");
      assertThat(run(s, "COMMIT").tag()).isEqualTo("COMMIT");
      assertThat(rows(run(s, "SELECT sum(x + y) FROM inside")).get(0)[0]).isEqualTo(9L);
    }
  }

  @Test
  void blockThatWroteSharesTheWritePathButHoldsOffSchemaChanges() throws Exception {
    try (SqlSession a = service.open("u", "app");
        SqlSession b = service.open("u", "app");
        SqlSession c = service.open("u", "app")) {
      run(a, "CREATE TABLE w (id INT)");
      run(a, "BEGIN");
      run(a, "INSERT INTO w VALUES (1)");
      // Other writers go on beside the open block: autocommit and another block.
      assertThat(run(b, "INSERT INTO w VALUES (2)").tag()).isEqualTo("INSERT 0 1");
      run(c, "BEGIN");
      assertThat(run(c, "INSERT INTO w VALUES (3)").tag()).isEqualTo("INSERT 0 1");
      // A schema change needs the database alone: it waits for the blocks, then times out.
      assertThatThrownBy(() -> run(b, "CREATE TABLE later (x INT)"))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"));
      // Readers are not blocked and do not see the uncommitted rows.
      assertThat(rows(run(b, "SELECT count(*) FROM w")).get(0)[0]).isEqualTo(1L);
      assertThat(run(c, "COMMIT").tag()).isEqualTo("COMMIT");
      // A client that vanishes mid-transaction: its work is rolled back, the path released.
      a.close();
      assertThat(run(b, "CREATE TABLE later (x INT)").tag()).isEqualTo("CREATE TABLE");
      assertThat(rows(run(b, "SELECT id FROM w ORDER BY id")))
          .extracting(r -> r[0])
          .containsExactly(2, 3);
    }
  }

  @Test
  void aSetReturningFunctionInTheSelectListFillsAnInsert() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "CREATE TABLE series (x INT)");
      assertThat(run(s, "INSERT INTO series SELECT generate_series(1, 3)").tag())
          .isEqualTo("INSERT 0 3");
      assertThat(rows(run(s, "SELECT sum(x) FROM series")).get(0)[0]).isEqualTo(6L);
    }
  }

  @Test
  void advisoryLocksExcludeOtherSessions() throws Exception {
    try (SqlSession a = service.open("u", "app");
        SqlSession b = service.open("u", "app")) {
      assertThat(rows(run(a, "SELECT pg_advisory_lock(42)")).get(0)[0]).isEqualTo("");
      assertThat(rows(run(b, "SELECT pg_try_advisory_lock(42)")).get(0)[0]).isEqualTo(false);
      assertThat(rows(run(b, "SELECT pg_try_advisory_lock(4, 2)")).get(0)[0]).isEqualTo(true);
      assertThat(rows(run(b, "SELECT pg_advisory_unlock(42)")).get(0)[0]).isEqualTo(false);
      assertThat(rows(run(a, "SELECT pg_advisory_unlock(42)")).get(0)[0]).isEqualTo(true);
      // A transaction-level lock lasts until COMMIT, even across statements.
      run(b, "BEGIN");
      run(b, "SELECT pg_advisory_xact_lock(42)");
      assertThat(rows(run(a, "SELECT pg_try_advisory_lock(42)")).get(0)[0]).isEqualTo(false);
      run(b, "COMMIT");
      assertThat(rows(run(a, "SELECT pg_try_advisory_lock(42)")).get(0)[0]).isEqualTo(true);
      // A session's locks end with it.
      a.close();
      assertThat(rows(run(b, "SELECT pg_try_advisory_xact_lock(42)")).get(0)[0]).isEqualTo(true);
      // ...and a transaction-level lock outside a block with its statement.
      try (SqlSession c = service.open("u", "app")) {
        assertThat(rows(run(c, "SELECT pg_try_advisory_lock(42)")).get(0)[0]).isEqualTo(true);
      }
    }
  }

  @Test
  void readOnlyReplicaRefusesWritesNamingTheMaster() throws Exception {
    try (SqlSession m = service.open("u", "app")) {
      run(m, "CREATE TABLE r (x INT)");
    }
    NodeSqlService replica =
        new NodeSqlService(
            storage,
            new ReadOnlyWriteExecutor("master.example:5432"),
            sessions,
            "15.0",
            Clock.systemUTC(),
            EngineUser.READER,
            new NodeHealth());
    try (SqlSession s = replica.open("u", "app")) {
      for (String sql :
          List.of(
              "CREATE TABLE r2 (x INT)",
              "CREATE DATABASE other",
              "DROP DATABASE other",
              "INSERT INTO r VALUES (1)",
              "UPDATE r SET x = 2",
              "DELETE FROM r",
              "DROP TABLE r",
              "CREATE INDEX ri ON r (x)")) {
        assertThatThrownBy(() -> run(s, sql))
            .as(sql)
            .isInstanceOfSatisfying(
                SqlException.class,
                e -> {
                  assertThat(e.sqlState()).isEqualTo("25006");
                  assertThat(e.hint()).contains("master.example:5432");
                });
      }
      assertThat(rows(run(s, "SELECT 1")).get(0)[0]).isEqualTo(1);
    }
  }

  @Test
  void showAndSetBehaveLikePostgres() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      assertThat(rows(run(s, "SHOW server_version")).get(0)[0]).isEqualTo("15.0");
      assertThat(run(s, "SET application_name = 'x'").tag()).isEqualTo("SET");
      assertThat(rows(run(s, "SHOW application_name")).get(0)[0]).isEqualTo("x");
      assertThatThrownBy(() -> run(s, "SHOW no_such_thing"))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42704"));
    }
  }

  @Test
  void unknownDatabaseIsRefused() {
    assertThatThrownBy(() -> service.open("u", "nope"))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("3D000"));
  }
}
