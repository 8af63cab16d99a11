package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.storage.EngineSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.engine.SessionLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cancelled statement's row-lock wait ends at once, and an interrupt never lands elsewhere. */
class LockWaitInterruptTest {

  private static final String URL = "jdbc:h2:mem:lockwait;LOCK_TIMEOUT=30000;DB_CLOSE_DELAY=-1";

  private Connection holder;
  private Connection waiter;

  @BeforeEach
  void open() throws SQLException {
    holder = DriverManager.getConnection(URL);
    waiter = DriverManager.getConnection(URL);
    try (Statement s = holder.createStatement()) {
      s.execute("create table t (id int primary key, v int)");
      s.execute("insert into t values (1, 1)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    holder.rollback();
    holder.setAutoCommit(true);
    try (Statement s = holder.createStatement()) {
      s.execute("drop all objects");
    }
    waiter.close();
    holder.close();
  }

  @Test
  void endsAWaitForARowLockHeldByAnotherTransaction() throws Exception {
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement()) {
      s.execute("update t set v = 2 where id = 1");
    }
    SessionLocal session = EngineSession.of(waiter);
    AtomicReference<Thread> thread = new AtomicReference<>();
    long start = System.nanoTime();
    CompletableFuture<Void> update =
        CompletableFuture.runAsync(
            () -> {
              thread.set(Thread.currentThread());
              try (Statement s = waiter.createStatement()) {
                s.execute("update t set v = 3 where id = 1");
              } catch (SQLException e) {
                throw new IllegalStateException(e.getErrorCode() + " " + e.getMessage(), e);
              }
            },
            task -> new Thread(task, "lock-waiter").start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(thread.get() != null && LockWaitInterrupt.ifWaiting(thread.get(), session))) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }
    assertThatThrownBy(() -> update.get(10, TimeUnit.SECONDS))
        .hasMessageContaining("50200"); // the engine's lock timeout
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    holder.commit();
  }

  @Test
  void leavesAThreadAloneThatIsNotInALockWait() throws Exception {
    Thread sleeper = new Thread(() -> sleepQuietly(2_000), "sleeper");
    sleeper.start();
    Thread.sleep(50);
    assertThat(LockWaitInterrupt.ifWaiting(sleeper, EngineSession.of(waiter))).isFalse();
    assertThat(sleeper.isInterrupted()).isFalse();
    assertThat(LockWaitInterrupt.ifWaiting(Thread.currentThread(), EngineSession.of(waiter)))
        .isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    sleeper.interrupt();
    sleeper.join();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
