package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.replication.CommitGate;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's cancel reaches its write wherever it is: on the writer, queued, or in a block. */
class WriteCancelTest {

  static final String SLOW_WRITE =
      "insert into sink select count(*) from big a, big b, big c, big d, big e";

  @TempDir Path dir;
  ReplicationLog log;
  Storage storage;
  LocalWriteExecutor writes;
  NodeSqlService service;

  @BeforeEach
  void setUp() throws Exception {
    log = ReplicationLog.open(dir.resolve("log"), LogOptions.defaults());
    storage = new Storage(dir.resolve("db"));
    SessionRegistry sessions = new SessionRegistry();
    writes =
        new LocalWriteExecutor(
            storage, log, CommitGate.LOCAL, new NodeHealth(), sessions, 30_000, 1);
    service =
        new NodeSqlService(
            storage,
            writes,
            sessions,
            "15.0",
            Clock.systemUTC(),
            EngineUser.WRITER,
            new NodeHealth());
    writes.createDatabase("app");
    try (SqlSession s = service.open("u", "app")) {
      run(s, "create table big (x int)");
      run(s, "insert into big select * from generate_series(1, 100)");
      run(s, "create table sink (n bigint)");
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    writes.close();
    storage.close();
    log.close();
  }

  private static ExecutionResult run(SqlSession s, String sql) throws SqlException {
    return s.execute(s.prepare(sql, new int[0]), List.of());
  }

  private static CompletableFuture<Void> cancelAfter(SqlSession s, long millis) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          s.cancel();
        });
  }

  @Test
  void aCancelStopsAnAutocommitWriteRunningOnTheWriter() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      s.statementStarting(0);
      CompletableFuture<Void> canceller = cancelAfter(s, 300);
      assertThatThrownBy(() -> run(s, SLOW_WRITE))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
      canceller.get(10, TimeUnit.SECONDS);
      s.statementStarting(0);
      run(s, "insert into sink values (1)");
      assertThat(s.execute(s.prepare("select count(*) from sink", new int[0]), List.of()))
          .isNotNull();
    }
  }

  @Test
  void aCancelStopsAWriteInsideABlock() throws Exception {
    try (SqlSession s = service.open("u", "app")) {
      run(s, "begin");
      s.statementStarting(0);
      CompletableFuture<Void> canceller = cancelAfter(s, 300);
      assertThatThrownBy(() -> run(s, SLOW_WRITE))
          .isInstanceOfSatisfying(
              SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
      canceller.get(10, TimeUnit.SECONDS);
      run(s, "rollback");
    }
  }
}
