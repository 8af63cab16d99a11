package io.distdb.node.command;

import io.distdb.node.command.Command.CreateDatabase;
import io.distdb.node.command.Command.DropDatabase;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.storage.AppliedLsn;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies log entries to storage exactly once, in LSN order. Crash recovery and replicas use this
 * same class, so a replica ends up with exactly what the master's own recovery would produce.
 *
 * <p>Not thread-safe: one applier thread per node.
 */
public final class CommandApplier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandApplier.class);

  /** Errors a DDL statement raises when it already took effect before a crash. */
  private static final Set<Integer> REPLAYED_DDL_ERRORS =
      Set.of(
          42101, 42102, // table exists / not found
          42111, 42112, // index
          42121, 42122, // column
          90078, 90079, // schema
          90035, 90036, // sequence
          90045, 90057); // constraint

  private final Storage storage;
  private final Map<String, Connection> connections = new HashMap<>();
  private final Map<String, Long> appliedLsn = new HashMap<>();

  /** Per database, the last entry applied but not yet committed. */
  private final Map<String, Long> uncommitted = new HashMap<>();

  private long lastApplied;

  public CommandApplier(Storage storage) {
    this.storage = storage;
  }

  /** The highest LSN this applier has applied or skipped. */
  public long lastApplied() {
    return lastApplied;
  }

  /**
   * Applies the entry unless storage already holds its effect. Plain data entries stay uncommitted
   * until {@link #commitPending()}, so a run of entries costs one storage commit; schema and
   * database changes, which the engine commits at once, first commit what is pending.
   */
  public void apply(long lsn, Command command) throws ApplyException {
    try {
      if (command instanceof CreateDatabase c) {
        commitPending();
        createDatabase(lsn, new DatabaseName(c.name()));
      } else if (command instanceof DropDatabase d) {
        commitPending();
        dropDatabase(lsn, new DatabaseName(d.name()));
      } else {
        applyTransaction(lsn, (Transaction) command);
      }
      lastApplied = Math.max(lastApplied, lsn);
    } catch (SQLException | RuntimeException e) {
      rollbackPending();
      throw new ApplyException(lsn, e.getMessage(), e);
    }
  }

  /** Commits every applied entry, recording each database's last LSN in the same commit. */
  public void commitPending() throws ApplyException {
    try {
      for (Map.Entry<String, Long> e : uncommitted.entrySet()) {
        Connection c = connections.get(e.getKey());
        AppliedLsn.set(c, e.getValue());
        c.commit();
        appliedLsn.put(e.getKey(), e.getValue());
      }
      uncommitted.clear();
    } catch (SQLException e) {
      long lsn = lastApplied;
      rollbackPending();
      throw new ApplyException(lsn, "commit failed: " + e.getMessage(), e);
    }
  }

  private void rollbackPending() {
    for (String db : uncommitted.keySet()) {
      try {
        connections.get(db).rollback();
      } catch (SQLException e) {
        log.atDebug().addKeyValue("database", db).log("rollback failed: {}", e.getMessage());
      }
    }
    uncommitted.clear();
  }

  private void createDatabase(long lsn, DatabaseName name) {
    if (!storage.exists(name)) {
      storage.create(name, lsn);
    }
  }

  private void dropDatabase(long lsn, DatabaseName name) throws SQLException {
    if (storage.exists(name) && applied(name) < lsn) {
      closeConnection(name.value());
      storage.drop(name);
    }
    appliedLsn.remove(name.value());
  }

  private void applyTransaction(long lsn, Transaction tx) throws SQLException, ApplyException {
    DatabaseName name = new DatabaseName(tx.database());
    if (!storage.exists(name)) {
      // Dropped later in the log than this entry: nothing left to apply it to.
      return;
    }
    if (Math.max(applied(name), uncommitted.getOrDefault(name.value(), 0L)) >= lsn) {
      return;
    }
    boolean ddl = tx.statements().stream().anyMatch(SqlStatement::ddl);
    if (ddl) {
      commitPending();
    }
    Connection c = connection(name);
    // Undo a rolled-back entry's data but keep what it did to sequences, as on the master.
    Savepoint undo = tx.rolledBack() ? c.setSavepoint() : null;
    for (SqlStatement s : tx.statements()) {
      runReplay(c, lsn, s);
    }
    if (undo != null) {
      c.rollback(undo);
    }
    uncommitted.put(name.value(), lsn);
    if (ddl) {
      commitPending();
      storage.refreshReaderGrants(name);
    }
  }

  private void runReplay(Connection c, long lsn, SqlStatement s) throws SQLException {
    try {
      execute(c, s);
      if (s.failed()) {
        log.atWarn()
            .addKeyValue("lsn", lsn)
            .addKeyValue("sql", s.sql())
            .log("a statement that failed on the master succeeded here; rolling it back");
      }
    } catch (SQLException e) {
      if (s.failed()) {
        return;
      }
      if (s.ddl() && REPLAYED_DDL_ERRORS.contains(e.getErrorCode())) {
        log.atWarn()
            .addKeyValue("lsn", lsn)
            .addKeyValue("sql", s.sql())
            .log("DDL had already taken effect before a restart; skipping it");
        return;
      }
      throw e;
    }
  }

  /** Runs one logged statement with its parameters bound; the update count is returned. */
  public static long execute(Connection c, SqlStatement s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
      bind(ps, s.parameters());
      ps.execute();
      return Math.max(ps.getLargeUpdateCount(), 0);
    }
  }

  /** Binds logged parameter values, one per {@code ?n}. */
  public static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      ps.setObject(i + 1, parameters.get(i));
    }
  }

  private long applied(DatabaseName name) throws SQLException {
    Long known = appliedLsn.get(name.value());
    if (known != null) {
      return known;
    }
    long fromStorage = AppliedLsn.get(connection(name));
    appliedLsn.put(name.value(), fromStorage);
    return fromStorage;
  }

  private Connection connection(DatabaseName name) throws SQLException {
    Connection c = connections.get(name.value());
    if (c == null || c.isClosed()) {
      c = storage.connect(name, EngineUser.WRITER);
      c.setAutoCommit(false);
      connections.put(name.value(), c);
    }
    return c;
  }

  private void closeConnection(String name) {
    Connection c = connections.remove(name);
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.atDebug().addKeyValue("database", name).log("close failed: {}", e.getMessage());
      }
    }
  }

  /** Rolls back anything not yet committed (a caller that wanted it kept commits first). */
  @Override
  public void close() {
    rollbackPending();
    for (String name : List.copyOf(connections.keySet())) {
      closeConnection(name);
    }
  }
}
