package io.distdb.node.command;

import io.distdb.node.command.Change.RowChanges;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Change.SequencePosition;
import io.distdb.node.command.Command.CreateDatabase;
import io.distdb.node.command.Command.DropDatabase;
import io.distdb.node.command.Command.StatementTransaction;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.sql.DdlTargets;
import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.AppliedLsn;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.EngineTables;
import io.distdb.node.storage.undo.SchemaFence;
import io.distdb.node.storage.undo.SchemaUndo;
import io.distdb.node.storage.undo.TriggerSuspension;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies log entries to storage exactly once, in LSN order. Crash recovery and replicas use this
 * same class, so a replica ends up with exactly what the master's own recovery would produce. Row
 * images are written as logged ({@link RowApplier}); schema changes run as statements; the applied
 * LSN commits in the same engine transaction as the data.
 *
 * <p>While it has a database open, the engine's foreign-key enforcement is off for that database:
 * the log holds the rows cascades changed on the master, which must not cascade again here.
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
  private final CommandDecoder decoder = new CommandDecoder();
  private final Map<String, Target> targets = new HashMap<>();
  private final Map<String, Long> appliedLsn = new HashMap<>();

  /** Per database, the last entry applied but not yet committed. */
  private final Map<String, Long> uncommitted = new HashMap<>();

  private long lastApplied;

  /** Databases whose foreign keys are enforced right now (only while replaying stage-1 entries). */
  private final Set<String> enforcing = new java.util.HashSet<>();

  /** An open database: its connection and what writes into it. */
  private record Target(
      DatabaseName database, Connection connection, RowApplier rows, SequenceApplier sequences) {}

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
      } else if (command instanceof Transaction t) {
        applyTransaction(lsn, t);
      } else {
        applyStatements(lsn, (StatementTransaction) command);
      }
      lastApplied = Math.max(lastApplied, lsn);
    } catch (SQLException | RuntimeException e) {
      rollbackPending();
      throw new ApplyException(failedLsn(e, lsn), e.getMessage(), e);
    }
  }

  /**
   * A batch of rows held back from earlier entries fails at the entry its failing row came from.
   */
  private static long failedLsn(Exception e, long applying) {
    return e instanceof RowApplyException r ? r.lsn() : applying;
  }

  /**
   * Decodes and applies one log entry's payload; returns the epoch it was written in. An entry this
   * node cannot decode (a newer format, corruption) fails like one it cannot apply: never skipped.
   */
  public long applyEntry(long lsn, byte[] payload) throws ApplyException {
    Command command;
    long epoch;
    try {
      epoch = CommandCodec.epochOf(payload);
      command = decoder.decode(payload);
    } catch (IllegalArgumentException e) {
      rollbackPending();
      throw new ApplyException(lsn, e.getMessage(), e);
    }
    apply(lsn, command);
    return epoch;
  }

  /** Commits every applied entry, recording each database's last LSN in the same commit. */
  public void commitPending() throws ApplyException {
    try {
      for (Map.Entry<String, Long> e : uncommitted.entrySet()) {
        Target t = targets.get(e.getKey());
        // The rows held back first: the applied LSN commits with exactly the data it covers.
        t.rows().flush();
        AppliedLsn.set(t.connection(), e.getValue());
        t.connection().commit();
        appliedLsn.put(e.getKey(), e.getValue());
        t.sequences().materializePending();
      }
      uncommitted.clear();
    } catch (SQLException e) {
      long lsn = failedLsn(e, lastApplied);
      rollbackPending();
      throw new ApplyException(lsn, "commit failed: " + e.getMessage(), e);
    }
  }

  private void rollbackPending() {
    // Every open database, not only those with entries pending: an entry that failed half-way
    // through its rows is not pending yet, and its first rows must not reach a later commit.
    for (Map.Entry<String, Target> e : targets.entrySet()) {
      Target t = e.getValue();
      try {
        t.rows().discard();
        t.sequences().forgetPending();
        t.connection().rollback();
      } catch (SQLException x) {
        log.atDebug()
            .addKeyValue("database", e.getKey())
            .log("rollback failed: {}", x.getMessage());
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
      closeTarget(name.value());
      storage.drop(name);
    }
    appliedLsn.remove(name.value());
  }

  /** Whether the entry still needs applying to an existing database. */
  private boolean pending(long lsn, DatabaseName name) throws SQLException {
    // An open target's database exists: only this applier drops databases (closing it first).
    if (!targets.containsKey(name.value()) && !storage.exists(name)) {
      // Dropped later in the log than this entry: nothing left to apply it to.
      return false;
    }
    return Math.max(applied(name), uncommitted.getOrDefault(name.value(), 0L)) < lsn;
  }

  private void applyTransaction(long lsn, Transaction tx) throws SQLException, ApplyException {
    Target open = targets.get(tx.database());
    DatabaseName name = open != null ? open.database() : new DatabaseName(tx.database());
    if (!pending(lsn, name)) {
      return;
    }
    boolean ddl = tx.changesSchema();
    if (ddl) {
      commitPending();
    }
    Target t = target(name);
    enforceForeignKeys(name, false);
    if (needsUndo(tx)) {
      applyUndoably(lsn, name, t, tx);
      return;
    }
    for (Change c : tx.changes()) {
      applyChange(t, lsn, c);
    }
    uncommitted.put(name.value(), lsn);
    if (ddl) {
      commitPending();
      storage.afterSchemaChange(name);
    }
  }

  private void applyChange(Target t, long lsn, Change c) throws SQLException {
    if (c instanceof RowChanges r) {
      t.rows().apply(r, lsn);
    } else if (c instanceof SequencePosition p) {
      t.sequences().record(p);
    } else {
      runSchemaChange(t, lsn, (SchemaChange) c);
    }
  }

  /**
   * A transaction block's entry with schema changes and rows, or several schema changes: the engine
   * commits at each schema change, so the entry is applied under a {@link SchemaUndo} (undone at
   * once if it fails here, or at the next start if the node dies half-way) and behind the
   * database's fence, so this node's readers never see half of it.
   */
  private void applyUndoably(long lsn, DatabaseName name, Target t, Transaction tx)
      throws SQLException, ApplyException {
    SchemaFence fence = storage.fence(name);
    fence.close(this);
    SchemaUndo undo;
    try {
      undo = SchemaUndo.begin(storage, name, EngineTables.sequences(t.connection()));
    } catch (IOException e) {
      fence.open(this);
      throw new SQLException("undo journal: " + e.getMessage(), e);
    }
    try {
      Set<DdlTargets.Name> written = new LinkedHashSet<>();
      for (Change c : tx.changes()) {
        if (c instanceof SchemaChange s) {
          fence.guard(
              this,
              undo.beforeSchemaChange(s.sql(), written, t.connection().getSchema()).stream()
                  .map(DdlTargets.Name::name)
                  .toList());
        } else if (c instanceof RowChanges r) {
          written.add(new DdlTargets.Name(r.schema(), r.table()));
        }
        applyChange(t, lsn, c);
      }
      uncommitted.put(name.value(), lsn);
      commitPending();
      storage.afterSchemaChange(name);
      undo.forget();
    } catch (SQLException
        | ApplyException
        | StatementException
        | IOException
        | RuntimeException e) {
      uncommitted.remove(name.value());
      t.rows().discard();
      t.sequences().forgetPending();
      t.connection().rollback();
      try {
        undo.undo();
      } catch (IOException | SQLException u) {
        e.addSuppressed(u);
      }
      if (e instanceof ApplyException a) {
        throw a;
      }
      throw e instanceof SQLException q ? q : new SQLException(e.getMessage(), e);
    } finally {
      undo.close();
      fence.open(this);
    }
  }

  /** Whether applying the entry half-way could leave a state no transaction ever had. */
  private static boolean needsUndo(Transaction tx) {
    int schemaChanges = 0;
    boolean rows = false;
    for (Change c : tx.changes()) {
      if (c instanceof SchemaChange) {
        schemaChanges++;
      } else if (c instanceof RowChanges) {
        rows = true;
      }
    }
    return schemaChanges > 1 || (schemaChanges == 1 && rows);
  }

  private void runSchemaChange(Target t, long lsn, SchemaChange s) throws SQLException {
    // Rows the entry wrote before the schema change go in before it, as on the master.
    t.rows().flush();
    t.rows().forgetStatements();
    TriggerSuspension.beforeSchemaChange(
        storage, t.database(), s.sql(), t.connection().getSchema());
    try (PreparedStatement ps = t.connection().prepareStatement(s.sql())) {
      bind(ps, s.parameters());
      ps.execute();
      if (!t.connection().getAutoCommit()) {
        // As the master's block does (service.BlockSchemaChanges): the engine leaves CREATE /
        // ALTER SEQUENCE uncommitted, holding the meta lock the next schema change needs.
        t.connection().commit();
      }
    } catch (SQLException e) {
      if (!REPLAYED_DDL_ERRORS.contains(e.getErrorCode())) {
        throw e;
      }
      log.atWarn()
          .addKeyValue("lsn", lsn)
          .addKeyValue("sql", s.sql())
          .log("DDL had already taken effect before a restart; skipping it");
    }
  }

  /** A stage-1 entry: its statements re-executed, as stage 1 did. */
  private void applyStatements(long lsn, StatementTransaction tx)
      throws SQLException, ApplyException {
    DatabaseName name = new DatabaseName(tx.database());
    if (!pending(lsn, name)) {
      return;
    }
    boolean ddl = tx.statements().stream().anyMatch(Command.SqlStatement::ddl);
    if (ddl) {
      commitPending();
    }
    Target t = target(name);
    // Statements read and write the tables: rows held back from earlier entries go in first.
    t.rows().flush();
    Connection c = t.connection();
    // Stage-1 statements relied on the engine's cascades.
    enforceForeignKeys(name, true);
    java.sql.Savepoint undo = tx.rolledBack() ? c.setSavepoint() : null;
    for (Command.SqlStatement s : tx.statements()) {
      try (PreparedStatement ps = c.prepareStatement(s.sql())) {
        bind(ps, s.parameters());
        ps.execute();
      } catch (SQLException e) {
        if (!s.failed() && !(s.ddl() && REPLAYED_DDL_ERRORS.contains(e.getErrorCode()))) {
          throw e;
        }
      }
    }
    if (undo != null) {
      c.rollback(undo);
    }
    uncommitted.put(name.value(), lsn);
    if (ddl) {
      commitPending();
      storage.afterSchemaChange(name);
    }
  }

  private void enforceForeignKeys(DatabaseName name, boolean on) throws SQLException {
    if (enforcing.contains(name.value()) != on) {
      storage.setReferentialIntegrity(name, on);
      if (on) {
        enforcing.add(name.value());
      } else {
        enforcing.remove(name.value());
      }
    }
  }

  /** Binds values, one per {@code ?n}. */
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
    long fromStorage = AppliedLsn.get(target(name).connection());
    appliedLsn.put(name.value(), fromStorage);
    return fromStorage;
  }

  private Target target(DatabaseName name) throws SQLException {
    Target t = targets.get(name.value());
    if (t == null || t.connection().isClosed()) {
      storage.setReferentialIntegrity(name, false);
      Connection c = storage.connect(name, EngineUser.WRITER);
      c.setAutoCommit(false);
      SequenceApplier sequences = new SequenceApplier(c);
      sequences.materializeAll();
      t = new Target(name, c, new RowApplier(c), sequences);
      targets.put(name.value(), t);
    }
    return t;
  }

  private void closeTarget(String name) {
    Target t = targets.remove(name);
    enforcing.remove(name);
    if (t == null) {
      return;
    }
    try {
      t.rows().forgetStatements();
      t.connection().close();
      storage.setReferentialIntegrity(new DatabaseName(name), true);
    } catch (SQLException | RuntimeException e) {
      log.atDebug().addKeyValue("database", name).log("close failed: {}", e.getMessage());
    }
  }

  /** Rolls back anything not yet committed (a caller that wanted it kept commits first). */
  @Override
  public void close() {
    rollbackPending();
    for (String name : List.copyOf(targets.keySet())) {
      closeTarget(name);
    }
  }
}
