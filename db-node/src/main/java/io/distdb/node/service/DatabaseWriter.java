package io.distdb.node.service;

import io.distdb.node.command.Change;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.ChangeRecorder;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.StatementSplitter;
import io.distdb.node.storage.capture.CaptureBuffer;
import io.distdb.node.storage.capture.CapturedRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one database on the master. Writes are serialized so that the log's order is
 * the order the engine made the changes in.
 *
 * <p>Autocommit statements from many sessions are run in batches by one thread on one connection:
 * each statement is executed with row-change capture on, its row images (and any sequences it
 * moved) become one log entry, then one fsync covers the batch and one storage commit makes it
 * visible. So the data becomes visible only once durable, and concurrent writers share the cost of
 * an fsync (group commit). Explicit transaction blocks run on their session's own connection,
 * capture into their own buffer and share the database's {@link WritePath} with the writer; their
 * commits and the writer's batches go to the log in storage's commit order ({@link EntryLog}).
 * Schema changes take the path alone.
 */
final class DatabaseWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseWriter.class);
  private static final int MAX_BATCH = 256;

  /** A wait bounded by something else (the session's own timeout withdraws its request). */
  private static final long UNBOUNDED_WAIT_MILLIS = TimeUnit.DAYS.toMillis(365);

  private final String database;
  private final Connection connection;
  private final EntryLog entries;
  private final WriteQueue queue = new WriteQueue();
  private final WritePath path = new WritePath();

  /** The writer's own connection: its thread's, or a lone caller's (see {@link #submit}). */
  private final ReentrantLock connectionLock = new ReentrantLock();

  private final Thread thread;
  private final NodeHealth health;
  private final StatementFailures failures;
  private final ChangeRecorder recorder = new ChangeRecorder();
  private final CaptureBuffer buffer = new CaptureBuffer();
  private final SchemaListener schemaListener;
  private volatile boolean running = true;

  /** Told after every schema change the writer (or a block) ran. */
  interface SchemaListener {
    void schemaChanged() throws SQLException;

    /** Told before a schema change runs on {@code c}. */
    default void beforeSchemaChange(Connection c, String engineSql) throws SQLException {}

    /**
     * Whether rows a statement changed (a cascade, say) lie in tables an open transaction block's
     * schema changes guard: then the statement must not commit before that block.
     */
    default boolean fenced(List<CapturedRow> rows) {
      return false;
    }
  }

  DatabaseWriter(
      String database,
      Connection connection,
      ReplicationLog replicationLog,
      StorageHorizon horizon,
      long epoch,
      NodeHealth health,
      SchemaListener schemaListener)
      throws SQLException {
    this.database = database;
    this.connection = connection;
    this.entries = new EntryLog(replicationLog, horizon, epoch, health);
    this.health = health;
    this.schemaListener = schemaListener;
    this.failures = new StatementFailures(health);
    connection.setAutoCommit(false);
    recorder.schemaChanged(connection);
    this.thread = new Thread(this::run, "writer-" + database);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs or queues a statement; its outcome is known once it is durable and visible. When nothing
   * is queued and nobody writes, the calling thread runs it (and fsyncs it) itself: a lone commit
   * then costs no hand-off to the writer thread and back. Otherwise it joins the writer's next
   * batch, so concurrent statements still share an fsync. A schema change always goes to the writer
   * thread, which waits to have the database alone.
   */
  void submit(WriteRequest request) {
    if (!request.statement().ddl() && queue.isEmpty() && connectionLock.tryLock()) {
      PathHold hold = new PathHold();
      try {
        if (hold.tryShared()) {
          List<WriteRequest> alone = List.of(request);
          try {
            runBatch(alone, hold);
          } catch (Error e) {
            batchFailed(alone, e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            hold.release();
            request.failIfPending(SqlErrors.internal("the write was not completed", null));
          }
          return;
        }
      } finally {
        connectionLock.unlock();
      }
    }
    queue.add(request);
  }

  /**
   * A transaction block's share of the write path, waiting at most {@code timeoutMillis}; a cancel
   * of the session's statement ends the wait with 57014.
   */
  boolean acquireShared(long timeoutMillis, StatementCancel cancel)
      throws InterruptedException, SqlException {
    return cancelled(path.shared(timeoutMillis, cancel::isRequested), cancel);
  }

  void releaseShared() {
    path.releaseShared();
  }

  /** The write path alone (a schema change, a pause), waiting at most {@code timeoutMillis}. */
  boolean acquireExclusive(long timeoutMillis) throws InterruptedException {
    return path.exclusive(timeoutMillis);
  }

  /** Like {@link #acquireExclusive(long)}; a cancel of the statement ends the wait with 57014. */
  boolean acquireExclusive(long timeoutMillis, StatementCancel cancel)
      throws InterruptedException, SqlException {
    return cancelled(path.exclusive(timeoutMillis, cancel::isRequested), cancel);
  }

  private static boolean cancelled(boolean acquired, StatementCancel cancel) throws SqlException {
    if (!acquired && cancel.isRequested()) {
      throw StatementCancel.canceledByUser();
    }
    return acquired;
  }

  void releaseExclusive() {
    path.releaseExclusive();
  }

  /**
   * Logs what a transaction block changed as one entry and commits its connection; the caller holds
   * the write path (shared, or alone when the block changed the schema). Returns the entry's LSN,
   * or 0 when the block changed nothing.
   */
  long commitOwned(Connection owner, List<Change> schemaAndRows) throws SqlException {
    health.checkWritable();
    return entries.logAndCommit(
        owner,
        () -> {
          List<Change> changes = new ArrayList<>(schemaAndRows);
          changes.addAll(recorder.sequenceMoves(owner));
          if (changes.isEmpty()) {
            return List.of();
          }
          byte[] payload = entries.encode(new Transaction(database, changes));
          if (payload == null) {
            throw EntryLog.tooLarge();
          }
          return List.of(payload);
        });
  }

  /** Row images of rows a block captured, for {@link #commitOwned}. */
  List<Change> images(Connection owner, List<CapturedRow> rows) throws SqlException {
    try {
      return recorder.rowChanges(owner, rows);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /**
   * The sequences a block moved since the last entry, for its entry just before a schema change;
   * the caller holds the write path alone.
   */
  List<Change> sequenceMoves(Connection owner) throws SQLException {
    return recorder.sequenceMoves(owner);
  }

  /** The sequence positions the replicas have; the caller holds the write path alone. */
  List<io.distdb.node.storage.capture.SequenceReading> recordedPositions(Connection owner)
      throws SQLException {
    return recorder.recordedPositions(owner);
  }

  /** A block is about to run a schema change. */
  void beforeSchemaChangeBy(Connection owner, String engineSql) throws SQLException {
    schemaListener.beforeSchemaChange(owner, engineSql);
  }

  /** A block ran a schema change: shapes and sequence positions are re-read. */
  void schemaChangedBy(Connection owner) throws SQLException {
    recorder.schemaChanged(owner);
    schemaListener.schemaChanged();
  }

  /**
   * Ends a transaction block by rolling it back. Nothing of it is logged but the sequences it moved
   * (sequences do not roll back), so replicas' sequences stay where this node's are. The caller
   * holds the write path.
   */
  void rollbackOwned(Connection owner) {
    rollbackQuietly(owner);
    if (!health.isHealthy()) {
      return;
    }
    logSequenceMoves(owner);
  }

  private void logSequenceMoves(Connection c) {
    try {
      entries.logAndCommit(c, () -> sequenceEntry(c));
    } catch (SqlException e) {
      // logAndCommit has failed the node if it got that far; the block is rolled back either way.
      log.atDebug().log("logging sequence positions failed: {}", e.getMessage());
    }
  }

  private void run() {
    List<WriteRequest> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        if (!queue.drainTo(batch, MAX_BATCH, 200)) {
          continue;
        }
        PathHold hold = new PathHold();
        connectionLock.lock();
        try {
          hold.shared();
          runBatch(batch, hold);
        } finally {
          hold.release();
          connectionLock.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Error e) {
        // The writer thread must outlive anything a statement does, or its database hangs.
        batchFailed(batch, e);
      } finally {
        for (WriteRequest r : batch) {
          r.failIfPending(new SqlException("57P01", "the node is shutting down"));
        }
        batch.clear();
      }
    }
  }

  private void batchFailed(List<WriteRequest> batch, Error e) {
    log.atError().setCause(e).addKeyValue("database", database).log("writer batch failed");
    rollbackQuietly(connection);
    buffer.drain();
    SqlException failure = failures.onError(e);
    for (WriteRequest r : batch) {
      r.failIfPending(failure);
    }
  }

  /**
   * Runs a batch: executes each statement in one storage transaction, then logs all their entries
   * with one append (so one fsync covers them) and commits. DDL, which the engine commits at once,
   * ends the batch so far and is logged on its own, with the write path held alone.
   */
  private void runBatch(List<WriteRequest> batch, PathHold hold) throws InterruptedException {
    PendingEntries pending = new PendingEntries();
    for (WriteRequest r : batch) {
      if (r.statement().ddl()) {
        commitBatch(pending);
        pending = new PendingEntries();
        runAlone(r, hold);
        continue;
      }
      if (r.claim() && writable(r)) {
        runData(r, pending);
      }
    }
    commitBatch(pending);
  }

  /**
   * Runs a schema change with the write path alone: waits for the blocks that write to end, for as
   * long as its session waits (a request withdrawn meanwhile never runs).
   */
  private void runAlone(WriteRequest r, PathHold hold) throws InterruptedException {
    if (!hold.exclusiveWhile(r::isQueued)) {
      return;
    }
    try {
      if (r.claim() && writable(r)) {
        PendingEntries pending = new PendingEntries();
        runSchemaChange(r, pending);
        commitBatch(pending);
      }
    } finally {
      hold.shared();
    }
  }

  private boolean writable(WriteRequest r) {
    try {
      health.checkWritable();
      return true;
    } catch (SqlException e) {
      r.fail(e);
      return false;
    }
  }

  private void runData(WriteRequest r, PendingEntries pending) {
    Savepoint before = null;
    WriteResult result;
    try {
      // Only needed to undo this statement alone when its entry turns out too large.
      before = pending.isEmpty() ? null : connection.setSavepoint();
      try (CaptureBuffer.Scope ignored = buffer.activate()) {
        result = StatementRunner.run(connection, r.statement(), r.cancel());
      }
      List<CapturedRow> rows = buffer.drain();
      if (schemaListener.fenced(rows)) {
        undo(before);
        r.fail(
            new SqlException(
                "55P03",
                "canceling statement: it changed rows of a table whose schema another transaction"
                    + " block is changing"));
        return;
      }
      // Sequences it moved are read when the batch appends: see commitBatch.
      List<Change> changes = recorder.rowChanges(connection, rows);
      byte[] payload =
          changes.isEmpty() ? null : entries.encode(new Transaction(database, changes));
      if (!changes.isEmpty() && payload == null) {
        undo(before);
        r.fail(EntryLog.tooLarge());
        return;
      }
      pending.add(r, result, payload);
    } catch (SQLException e) {
      buffer.drain();
      SqlException failure = failures.afterFailure(SqlErrors.translate(e), connection);
      failures.checkWriter(connection);
      r.fail(failure);
      // The engine undid the statement, not what it did to sequences: the batch logs those.
      pending.add(null, null, null);
    }
  }

  private void undo(Savepoint before) throws SQLException {
    if (before == null) {
      connection.rollback();
    } else {
      connection.rollback(before);
    }
  }

  /**
   * A schema change (or TRUNCATE): run, then logged as its statement, alone in its entry. The
   * dialect may make one client statement several engine statements ({@code TRUNCATE a, b}, {@code
   * DROP VIEW a, b}, an ALTER TABLE with several actions), which the engine commits one by one: if
   * one fails after others ran, those that ran are logged, so replicas change as this node did.
   */
  private void runSchemaChange(WriteRequest r, PendingEntries pending) {
    SqlStatement s = r.statement();
    List<String> parts = s.parameters().isEmpty() ? parts(s.sql()) : List.of(s.sql());
    List<String> ran = new ArrayList<>();
    List<Change> before = List.of();
    try {
      schemaListener.beforeSchemaChange(connection, s.sql());
      before = recorder.sequenceMoves(connection);
      WriteResult result;
      try (CaptureBuffer.Scope ignored = buffer.activate()) {
        if (parts.size() <= 1) {
          result = StatementRunner.run(connection, s);
        } else {
          result = null;
          for (String part : parts) {
            WriteResult one =
                StatementRunner.run(connection, new SqlStatement(part, List.of(), true));
            result = result == null ? one : result; // the engine answers its first statement's
            ran.add(part);
          }
        }
      } finally {
        // Rows the engine rewrites inside a schema change are not user changes.
        buffer.drain();
      }
      List<Change> changes = new ArrayList<>(before);
      changes.add(new SchemaChange(s.sql(), s.parameters()));
      pending.add(r, result, entries.encode(new Transaction(database, changes)));
    } catch (SQLException e) {
      SqlException failure = failures.afterFailure(SqlErrors.translate(e), connection);
      failures.checkWriter(connection);
      if (ran.isEmpty()) {
        r.fail(failure);
      } else {
        // The client learns of the failure once what did run is logged.
        List<Change> changes = new ArrayList<>(before);
        changes.add(new SchemaChange(String.join("; ", ran), List.of()));
        pending.addFailed(r, failure, entries.encode(new Transaction(database, changes)));
      }
    } finally {
      try {
        schemaChangedBy(connection);
      } catch (SQLException e) {
        log.atWarn().addKeyValue("database", database).log("after DDL: {}", e.getMessage());
      }
    }
  }

  private static List<String> parts(String engineSql) {
    try {
      return StatementSplitter.split(engineSql);
    } catch (StatementException e) {
      return List.of(engineSql); // the engine reports what is wrong with it
    }
  }

  /** Entries a batch has executed but not yet logged, with the requests waiting on them. */
  private static final class PendingEntries {
    final List<WriteRequest> requests = new ArrayList<>();
    final List<WriteResult> results = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();
    final List<SqlException> failures = new ArrayList<>();

    /**
     * @param request null for a statement that failed (it may still have moved sequences)
     * @param payload null for a statement that changed nothing: it gets no entry
     */
    void add(WriteRequest request, WriteResult result, byte[] payload) {
      requests.add(request);
      results.add(result);
      payloads.add(payload);
      failures.add(null);
    }

    /** A request that failed after changing something: it fails once {@code payload} is logged. */
    void addFailed(WriteRequest request, SqlException failure, byte[] payload) {
      add(request, null, payload);
      failures.set(failures.size() - 1, failure);
    }

    boolean isEmpty() {
      return requests.isEmpty();
    }
  }

  /**
   * Logs and commits a batch. The sequences its statements moved (failed ones too) go into one more
   * entry at its end, read as the batch appends, so positions in the log never go back.
   */
  private void commitBatch(PendingEntries pending) {
    if (pending.isEmpty()) {
      return;
    }
    long first;
    try {
      first =
          entries.logAndCommit(
              connection,
              () -> {
                List<byte[]> payloads = new ArrayList<>();
                for (byte[] p : pending.payloads) {
                  if (p != null) {
                    payloads.add(p);
                  }
                }
                payloads.addAll(sequenceEntry(connection));
                return payloads;
              });
    } catch (SqlException e) {
      failAll(pending, e);
      return;
    }
    long next = first;
    for (int i = 0; i < pending.requests.size(); i++) {
      WriteRequest r = pending.requests.get(i);
      long lsn = pending.payloads.get(i) == null ? 0 : next++;
      if (r != null && pending.failures.get(i) != null) {
        r.fail(pending.failures.get(i));
      } else if (r != null) {
        r.executed(pending.results.get(i), lsn);
        r.complete();
      }
    }
  }

  /** An entry with the sequences that moved since the last one, if any moved. */
  private List<byte[]> sequenceEntry(Connection c) throws SQLException {
    List<Change> moved = recorder.sequenceMoves(c);
    return moved.isEmpty() ? List.of() : List.of(entries.encode(new Transaction(database, moved)));
  }

  /**
   * What the writer's batch holds of the write path: shared for data, alone for a schema change.
   */
  private final class PathHold {
    private boolean shared;
    private boolean exclusive;

    boolean tryShared() {
      shared = path.tryShared();
      return shared;
    }

    void shared() throws InterruptedException {
      release();
      path.shared();
      shared = true;
    }

    /** The path alone, waiting while {@code wanted} holds; false (holding nothing) if it ended. */
    boolean exclusiveWhile(BooleanSupplier wanted) throws InterruptedException {
      release();
      exclusive = path.exclusive(UNBOUNDED_WAIT_MILLIS, () -> !wanted.getAsBoolean());
      return exclusive;
    }

    void release() {
      if (shared) {
        shared = false;
        path.releaseShared();
      }
      if (exclusive) {
        exclusive = false;
        path.releaseExclusive();
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

  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.atDebug().log("rollback failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      // It notices within one poll unless a batch runs. An interrupt during the batch's own fsync
      // would close the log's file, so it is only the last resort.
      thread.join(1_000);
      thread.interrupt();
      thread.join(5_000);
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      log.atDebug().addKeyValue("database", database).log("close failed: {}", e.getMessage());
    }
  }
}
