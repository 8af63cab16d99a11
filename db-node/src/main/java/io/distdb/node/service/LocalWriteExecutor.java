package io.distdb.node.service;

import io.distdb.node.command.Change;
import io.distdb.node.command.Command;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.CommandCodec;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.replication.CommitGate;
import io.distdb.node.replication.CommitNotConfirmedException;
import io.distdb.node.replication.WriteQuiescer;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.CaptureBuffer;
import io.distdb.node.storage.capture.CapturedRow;
import io.distdb.node.storage.undo.SchemaFence;
import io.distdb.node.storage.undo.TriggerSuspension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The master's write path: statements run on their database's {@link DatabaseWriter}, are logged
 * durably, committed to storage and then held until the {@link CommitGate} (replication) agrees.
 */
public final class LocalWriteExecutor implements WriteExecutor, WriteQuiescer, AutoCloseable {

  private static final long DROP_WAIT_NANOS = 5_000_000_000L;

  private final Storage storage;
  private final ReplicationLog replicationLog;
  private final CommitGate gate;
  private final NodeHealth health;
  private final SessionRegistry sessions;
  private final long lockTimeoutMillis;
  private final long epoch;
  private final ConcurrentHashMap<String, DatabaseWriter> writers = new ConcurrentHashMap<>();
  private final StorageHorizon horizon;

  /** Serializes CREATE/DROP DATABASE with each other and with writer start-up. */
  private final ReentrantLock catalogLock = new ReentrantLock();

  public LocalWriteExecutor(
      Storage storage,
      ReplicationLog replicationLog,
      CommitGate gate,
      NodeHealth health,
      SessionRegistry sessions,
      long lockTimeoutMillis,
      long epoch) {
    this.storage = storage;
    this.replicationLog = replicationLog;
    this.gate = gate;
    this.health = health;
    this.sessions = sessions;
    this.lockTimeoutMillis = lockTimeoutMillis;
    this.epoch = epoch;
    this.horizon = new StorageHorizon(replicationLog);
  }

  /**
   * An LSN up to which every logged entry is committed in storage, found without pausing writes:
   * what a checkpoint makes durable.
   */
  public long committedThrough() {
    return horizon.committedThrough();
  }

  @Override
  public WriteResult autocommit(String database, SqlStatement statement, StatementCancel cancel)
      throws SqlException {
    WriteRequest request = new WriteRequest(statement, cancel);
    // Before the writer can see it: once it runs, the writer's registration must win.
    cancel.waiting(request::withdrawCancelled);
    writer(database).submit(request);
    WriteRequest.Done done = request.await(lockTimeoutMillis);
    awaitCommitted(done.lsn());
    return done.result();
  }

  /**
   * A block normally shares its database's write path from its first write to its end, side by side
   * with other blocks and the autocommit writer: the engine's row locks order their conflicting
   * changes, and their commits reach the log in storage's order. A schema change needs the path
   * alone, so it waits for those blocks to end, and a block's own schema change gives up its share
   * first.
   *
   * <p>While another block's schema changes are open (its {@link SchemaFence} is held), and in a
   * block from its own first schema change on, a block holds nothing between statements and takes
   * the path for each schema change and for COMMIT or ROLLBACK only: a migration tool's second
   * connection (Flyway writes its history table in a transaction of its own while the migration's
   * is open) must be able to write, and the migration's next schema change must not wait for it.
   * Such writers never touch the fenced tables (their statements wait at the fence, and a commit
   * with rows in them fails), so the log's commit order still replays to the master's state.
   */
  @Override
  public TransactionWrites beginWrites(String database, StatementCancel cancel)
      throws SqlException {
    DatabaseWriter writer = writer(database);
    DatabaseName db = new DatabaseName(database);
    OwnedWrites owned = new OwnedWrites(writer, db, cancel);
    if (!storage.fence(db).isHeld()) {
      acquire(writer, database, cancel, false);
      owned.holding = true;
    }
    return owned;
  }

  private void acquire(
      DatabaseWriter writer, String database, StatementCancel cancel, boolean alone)
      throws SqlException {
    try {
      boolean acquired =
          alone
              ? writer.acquireExclusive(lockTimeoutMillis, cancel)
              : writer.acquireShared(lockTimeoutMillis, cancel);
      if (!acquired) {
        throw new SqlException(
            "55P03",
            "canceling statement due to lock timeout: another"
                + " transaction has been writing to database \""
                + database
                + "\" for "
                + lockTimeoutMillis
                + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StatementCancel.canceledByUser();
    }
  }

  private final class OwnedWrites implements TransactionWrites {
    private final DatabaseWriter writer;
    private final DatabaseName database;
    private final BlockSchemaChanges schema;
    private final StatementCancel cancel;

    /** Shares the write path until the block ends; otherwise takes it for each step. */
    boolean holding;

    OwnedWrites(DatabaseWriter writer, DatabaseName database, StatementCancel cancel) {
      this.writer = writer;
      this.cancel = cancel;
      this.database = database;
      this.schema = new BlockSchemaChanges(storage, database, writer, health);
    }

    private interface Step<T> {
      T run() throws SqlException;
    }

    /** Runs {@code action} with the write path alone; a share the block holds is given up. */
    private <T> T alone(Step<T> action) throws SqlException {
      end();
      acquire(writer, database.value(), cancel, true);
      try {
        return action.run();
      } finally {
        writer.releaseExclusive();
      }
    }

    /** Runs {@code action} with (at least) a share of the write path. */
    private <T> T shared(Step<T> action) throws SqlException {
      if (holding) {
        return action.run();
      }
      acquire(writer, database.value(), cancel, false);
      try {
        return action.run();
      } finally {
        writer.releaseShared();
      }
    }

    @Override
    public WriteResult schemaChange(
        Connection connection, SqlStatement statement, CaptureBuffer captured) throws SqlException {
      // Another block's schema changes finish first; waited for without the write path, which
      // that block needs for its COMMIT.
      storage.fence(database).close(connection);
      return alone(() -> schema.run(connection, statement, captured));
    }

    @Override
    public boolean changedSchema() {
      return schema.any();
    }

    @Override
    public void undoSchemaChanges(Connection connection) {
      try {
        alone(
            () -> {
              schema.undo(connection);
              return null;
            });
      } catch (SqlException e) {
        schema.undo(connection);
      }
    }

    @Override
    public void commit(Connection connection, List<CapturedRow> rows) throws SqlException {
      long lsn;
      try {
        // Commits of blocks that changed the schema are alone on the path, as their changes were.
        lsn =
            schema.any()
                ? alone(() -> commitNow(connection, rows))
                : shared(() -> commitNow(connection, rows));
      } finally {
        end();
      }
      awaitCommitted(lsn);
    }

    private long commitNow(Connection connection, List<CapturedRow> rows) throws SqlException {
      try {
        refuseFenced(connection, rows);
        List<Change> entry =
            schema.any() ? schema.entry(connection, rows) : writer.images(connection, rows);
        long lsn = writer.commitOwned(connection, entry);
        if (schema.any()) {
          schema.committed();
        }
        return lsn;
      } catch (SqlException e) {
        DatabaseWriter.rollbackQuietly(connection);
        if (schema.any()) {
          schema.undo(connection);
        }
        throw e;
      }
    }

    /** A shared writer's rows may not land in tables another block's schema changes guard. */
    private void refuseFenced(Connection connection, List<CapturedRow> rows) throws SqlException {
      if (storage.fence(database).guardedByOther(connection, tablesOf(rows))) {
        throw new SqlException(
            "55P03",
            "could not commit: a table it changed is being changed by another transaction"
                + " block's schema changes",
            null,
            "Retry the transaction once the other block has ended.",
            null);
      }
    }

    @Override
    public void rollback(Connection connection) {
      Step<Void> rollback =
          () -> {
            rollbackNow(connection);
            return null;
          };
      try {
        if (schema.any()) {
          alone(rollback);
        } else {
          shared(rollback);
        }
      } catch (SqlException e) {
        // The write path stayed busy: the engine still rolls back, and undo must not wait.
        rollbackNow(connection);
      } finally {
        end();
      }
    }

    private void rollbackNow(Connection connection) {
      if (schema.any()) {
        schema.undo(connection);
      } else {
        writer.rollbackOwned(connection);
      }
    }

    private void end() {
      if (holding) {
        holding = false;
        writer.releaseShared();
      }
    }
  }

  private static Set<String> tablesOf(List<CapturedRow> rows) {
    Set<String> tables = new HashSet<>();
    for (CapturedRow r : rows) {
      tables.add(r.table());
    }
    return tables;
  }

  @Override
  public void createDatabase(String name) throws SqlException {
    awaitCommitted(createLocally(name));
  }

  /**
   * Creates a database without waiting for replicas: for the master's first start, before any slave
   * can have registered. Slaves get it from the log like everything else.
   */
  public void bootstrapDatabase(String name) throws SqlException {
    createLocally(name);
  }

  private long createLocally(String name) throws SqlException {
    DatabaseName db = validName(name);
    catalogLock.lock();
    try {
      if (storage.exists(db)) {
        throw new SqlException("42P04", "database \"" + name + "\" already exists");
      }
      long lsn = logDurably(new Command.CreateDatabase(name));
      storage.create(db, lsn);
      horizon.committed(lsn);
      return lsn;
    } finally {
      catalogLock.unlock();
    }
  }

  @Override
  public void dropDatabase(String name, String sessionDatabase) throws SqlException {
    if (name.equals(sessionDatabase)) {
      throw new SqlException("55006", "cannot drop the currently open database");
    }
    DatabaseName db = validName(name);
    catalogLock.lock();
    try {
      if (!storage.exists(db)) {
        throw new SqlException("3D000", "database \"" + name + "\" does not exist");
      }
      int users = awaitNoSessions(name);
      if (users > 0) {
        throw new SqlException(
            "55006",
            "database \"" + name + "\" is being accessed by other users",
            "There "
                + (users == 1 ? "is 1 other session" : "are " + users + " other sessions")
                + " using the database.",
            null,
            null);
      }
      long lsn = logDurably(new Command.DropDatabase(name));
      DatabaseWriter writer = writers.remove(name);
      if (writer != null) {
        writer.close();
      }
      storage.drop(db);
      horizon.committed(lsn);
      awaitCommitted(lsn);
    } finally {
      catalogLock.unlock();
    }
  }

  /**
   * Like PostgreSQL, gives sessions that are closing (a client that just switched databases) up to
   * five seconds to go; returns how many remain.
   */
  private int awaitNoSessions(String database) throws SqlException {
    long deadline = System.nanoTime() + DROP_WAIT_NANOS;
    int users = sessions.countOn(database);
    while (users > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw StatementCancel.canceledByUser();
      }
      users = sessions.countOn(database);
    }
    return users;
  }

  private void awaitCommitted(long lsn) throws SqlException {
    if (lsn == 0) {
      return; // nothing was logged
    }
    try {
      gate.awaitCommitted(lsn);
    } catch (CommitNotConfirmedException e) {
      throw new SqlException(
          "40003",
          e.getMessage(),
          "The transaction has already committed on the master, but might not have been"
              + " replicated to enough replicas.",
          null,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlException("57014", "canceling wait for synchronous replication");
    }
  }

  @Override
  public <T> T whileWritesPaused(Callable<T> action) throws Exception {
    catalogLock.lock();
    List<DatabaseWriter> paused = new ArrayList<>();
    List<SchemaFence> fenced = new ArrayList<>();
    Object snapshot = new Object();
    try {
      // A block with schema changes has committed part of itself: wait until it has ended.
      for (String name : storage.names()) {
        SchemaFence f = storage.fence(new DatabaseName(name));
        f.close(snapshot);
        fenced.add(f);
      }
      for (String name : storage.names()) {
        DatabaseWriter w = writer(name);
        if (!w.acquireExclusive(lockTimeoutMillis)) {
          throw new SqlException(
              "55P03",
              "could not pause writes to \"" + name + "\" within " + lockTimeoutMillis + " ms");
        }
        paused.add(w);
      }
      return action.call();
    } finally {
      paused.forEach(DatabaseWriter::releaseExclusive);
      fenced.forEach(f -> f.open(snapshot));
      catalogLock.unlock();
    }
  }

  private long logDurably(Command command) throws SqlException {
    health.checkWritable();
    try {
      long lsn = horizon.append(() -> replicationLog.append(CommandCodec.encode(command, epoch)));
      replicationLog.awaitDurable(lsn);
      return lsn;
    } catch (Exception e) {
      health.fail("log append failed: " + e.getMessage());
      throw SqlErrors.ioFailure(e);
    }
  }

  private static DatabaseName validName(String name) throws SqlException {
    if (!DatabaseName.isValid(name)) {
      throw new SqlException(
          "42602",
          "invalid database name \"" + name + "\"",
          null,
          "Use 1-63 letters, digits or underscores, starting with a letter or underscore.",
          null);
    }
    return new DatabaseName(name);
  }

  private DatabaseWriter writer(String database) throws SqlException {
    DatabaseWriter w = writers.get(database);
    if (w != null) {
      return w;
    }
    catalogLock.lock();
    try {
      w = writers.get(database);
      if (w == null) {
        DatabaseName db = new DatabaseName(database);
        if (!storage.exists(db)) {
          throw new SqlException("3D000", "database \"" + database + "\" does not exist");
        }
        w =
            new DatabaseWriter(
                database,
                storage.connect(db, EngineUser.WRITER),
                replicationLog,
                horizon,
                epoch,
                health,
                new DatabaseWriter.SchemaListener() {
                  @Override
                  public void schemaChanged() throws SQLException {
                    storage.afterSchemaChange(db);
                  }

                  @Override
                  public void beforeSchemaChange(Connection c, String engineSql)
                      throws SQLException {
                    TriggerSuspension.beforeSchemaChange(storage, db, engineSql, c.getSchema());
                  }

                  @Override
                  public boolean fenced(List<CapturedRow> rows) {
                    return !rows.isEmpty()
                        && storage.fence(db).guardedByOther(this, tablesOf(rows));
                  }
                });
        writers.put(database, w);
      }
      return w;
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    } finally {
      catalogLock.unlock();
    }
  }

  @Override
  public void close() {
    writers.values().forEach(DatabaseWriter::close);
    writers.clear();
  }
}
