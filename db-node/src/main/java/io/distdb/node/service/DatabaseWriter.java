package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.command.CommandCodec;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.AppliedLsn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one database on the master. Writes are serialized so that every replica,
 * applying the log in LSN order, reaches the same state.
 *
 * <p>Autocommit statements from many sessions are run in batches by one thread on one connection:
 * each statement is executed and logged, then one fsync covers the batch and one storage commit
 * makes it visible. So the data becomes visible only once durable, and concurrent writers share the
 * cost of an fsync (group commit). Explicit transaction blocks take the same permit for their whole
 * duration instead, and run on their session's own connection.
 */
final class DatabaseWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseWriter.class);
  private static final int MAX_BATCH = 256;

  private final String database;
  private final Connection connection;
  private final ReplicationLog replicationLog;
  private final WriteQueue queue = new WriteQueue();
  private final Semaphore permit = new Semaphore(1, true);
  private final Thread thread;
  private final NodeHealth health;
  private final StatementFailures failures;
  private volatile boolean running = true;

  DatabaseWriter(
      String database, Connection connection, ReplicationLog replicationLog, NodeHealth health)
      throws SQLException {
    this.database = database;
    this.connection = connection;
    this.replicationLog = replicationLog;
    this.health = health;
    this.failures = new StatementFailures(health);
    connection.setAutoCommit(false);
    this.thread = new Thread(this::run, "writer-" + database);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a statement; the future completes once it is durable and visible. */
  WriteRequest submit(SqlStatement statement) {
    WriteRequest request = new WriteRequest(statement);
    queue.add(request);
    return request;
  }

  /** Takes the write permit for a transaction block, waiting at most {@code timeoutMillis}. */
  boolean acquire(long timeoutMillis) throws InterruptedException {
    return permit.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  void release() {
    permit.release();
  }

  /**
   * Logs a transaction block's statements and commits its connection; the caller holds the permit.
   */
  long commitOwned(Connection owner, List<SqlStatement> statements) throws SqlException {
    health.checkWritable();
    return logAndCommit(
        owner, List.of(CommandCodec.encode(Transaction.committed(database, statements))));
  }

  /**
   * Ends a transaction block that wrote by rolling it back, and logs what it ran as a rolled-back
   * entry so replicas' sequences advance as this node's did. The caller holds the permit.
   */
  void rollbackOwned(Connection owner, List<SqlStatement> statements) {
    rollbackQuietly(owner);
    if (statements.isEmpty() || !health.isHealthy()) {
      return;
    }
    try {
      logAndCommit(
          owner, List.of(CommandCodec.encode(new Transaction(database, statements, true))));
    } catch (SqlException e) {
      // logAndCommit has failed the node; the block is rolled back either way.
    }
  }

  /**
   * The one way entries reach the log on the master: append them with consecutive LSNs, wait for
   * the fsync, record the last LSN in {@code c}'s transaction and commit it. Returns the first LSN.
   * Any failure leaves log and storage possibly apart, which only a restart's replay reconciles, so
   * the node stops taking writes.
   */
  private long logAndCommit(Connection c, List<byte[]> payloads) throws SqlException {
    long first = 0;
    try {
      first = replicationLog.appendAll(payloads);
      long last = first + payloads.size() - 1;
      replicationLog.awaitDurable(last);
      AppliedLsn.set(c, last);
      c.commit();
      return first;
    } catch (Exception e) {
      health.fail(
          (first == 0 ? "log append" : "commit of log entries from " + first)
              + " failed: "
              + e.getMessage());
      rollbackQuietly(c);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw SqlErrors.ioFailure(e);
    }
  }

  private void run() {
    List<WriteRequest> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        if (!queue.drainTo(batch, MAX_BATCH, 200)) {
          continue;
        }
        permit.acquire();
        try {
          runBatch(batch);
        } finally {
          permit.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Error e) {
        // The writer thread must outlive anything a statement does, or its database hangs.
        log.atError().setCause(e).addKeyValue("database", database).log("writer batch failed");
        rollbackQuietly(connection);
        SqlException failure = failures.onError(e);
        for (WriteRequest r : batch) {
          r.failIfPending(failure);
        }
      } finally {
        for (WriteRequest r : batch) {
          r.failIfPending(new SqlException("57P01", "the node is shutting down"));
        }
        batch.clear();
      }
    }
  }

  /**
   * Runs a batch: executes each statement in one storage transaction, then logs all their entries
   * with one append (so one fsync covers them) and commits. DDL, which the engine commits at once,
   * ends the batch so far and is logged on its own.
   */
  private void runBatch(List<WriteRequest> batch) {
    PendingEntries pending = new PendingEntries();
    for (WriteRequest r : batch) {
      if (!r.claim()) {
        continue;
      }
      try {
        health.checkWritable();
      } catch (SqlException e) {
        r.fail(e);
        continue;
      }
      boolean ddl = r.statement().ddl();
      if (ddl && !pending.isEmpty()) {
        commitBatch(pending);
        pending = new PendingEntries();
      }
      try {
        WriteResult result = execute(r.statement());
        pending.add(r, result, Transaction.committed(database, List.of(r.statement())));
      } catch (SQLException e) {
        SqlException failure = failures.afterFailure(SqlErrors.translate(e), connection);
        failures.checkWriter(connection);
        r.fail(failure);
        // Replaying a statement that exhausted memory would exhaust it again in recovery.
        if (!ddl && !StatementFailures.outOfMemory(failure)) {
          // Logged only so replicas replay the failure (and its sequence effects).
          pending.add(
              null, null, new Transaction(database, List.of(r.statement().asFailed()), true));
        }
      }
      if (ddl && !pending.isEmpty()) {
        commitBatch(pending);
        pending = new PendingEntries();
      }
    }
    if (!pending.isEmpty()) {
      commitBatch(pending);
    }
  }

  /** Entries a batch has executed but not yet logged, with the requests waiting on them. */
  private static final class PendingEntries {
    final List<WriteRequest> requests = new ArrayList<>();
    final List<WriteResult> results = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();

    /**
     * @param request null for an entry nobody waits on (a failed statement's replay)
     */
    void add(WriteRequest request, WriteResult result, Transaction entry) {
      requests.add(request);
      results.add(result);
      payloads.add(CommandCodec.encode(entry));
    }

    boolean isEmpty() {
      return payloads.isEmpty();
    }
  }

  private void commitBatch(PendingEntries pending) {
    long first;
    try {
      first = logAndCommit(connection, pending.payloads);
    } catch (SqlException e) {
      failAll(pending, e);
      return;
    }
    for (int i = 0; i < pending.requests.size(); i++) {
      WriteRequest r = pending.requests.get(i);
      if (r != null) {
        r.executed(pending.results.get(i), first + i);
        r.complete();
      }
    }
  }

  private static void failAll(PendingEntries pending, SqlException e) {
    for (WriteRequest r : pending.requests) {
      if (r != null) {
        r.fail(e);
      }
    }
  }

  private WriteResult execute(SqlStatement statement) throws SQLException {
    return StatementRunner.run(connection, statement);
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.atDebug().log("rollback failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      log.atDebug().addKeyValue("database", database).log("close failed: {}", e.getMessage());
    }
  }
}
