package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.CommandApplier;
import io.distdb.node.dialect.Dialect;
import io.distdb.node.dialect.Schema;
import io.distdb.node.service.StatementInfo.Kind;
import io.distdb.node.sql.BuiltinExtension;
import io.distdb.node.sql.CursorCommand;
import io.distdb.node.sql.DoBlock;
import io.distdb.node.sql.OwnerChange;
import io.distdb.node.sql.SessionCommand;
import io.distdb.node.sql.TempInsertFunction;
import io.distdb.node.sql.TransactionCommand;
import io.distdb.node.storage.AdvisoryLockFunctions;
import io.distdb.node.storage.CatalogSnapshot;
import io.distdb.node.storage.SettingFunctions;
import io.distdb.node.storage.undo.SchemaFence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A client session on one database. Reads run on the session's own engine connection; writes go
 * through the {@link WriteExecutor}: alone as autocommit statements, or, inside a transaction
 * block, on this connection while the block owns its database's write path.
 */
final class LocalSession implements SqlSession {

  /**
   * Maintenance commands the storage engine does by itself (its indexes never bloat, its rows have
   * no heap order to cluster by): vacuumdb, reindexdb and clusterdb run them.
   */
  private static final Set<String> NO_OP_COMMANDS =
      Set.of("VACUUM", "ANALYZE", "CHECKPOINT", "REINDEX", "CLUSTER");

  /** First words of PostgreSQL commands: such a statement is valid SQL distdb does not run. */
  private static final Set<String> POSTGRES_COMMANDS =
      Set.of(
          "ABORT",
          "ALTER",
          "ANALYZE",
          "BEGIN",
          "CALL",
          "CHECKPOINT",
          "CLOSE",
          "CLUSTER",
          "COMMENT",
          "COMMIT",
          "COPY",
          "CREATE",
          "DEALLOCATE",
          "DECLARE",
          "DELETE",
          "DISCARD",
          "DO",
          "DROP",
          "END",
          "EXECUTE",
          "EXPLAIN",
          "FETCH",
          "GRANT",
          "IMPORT",
          "INSERT",
          "LISTEN",
          "LOAD",
          "LOCK",
          "MERGE",
          "MOVE",
          "NOTIFY",
          "PREPARE",
          "REASSIGN",
          "REFRESH",
          "REINDEX",
          "RELEASE",
          "RESET",
          "REVOKE",
          "ROLLBACK",
          "SAVEPOINT",
          "SECURITY",
          "SELECT",
          "SET",
          "SHOW",
          "START",
          "TABLE",
          "TRUNCATE",
          "UNLISTEN",
          "UPDATE",
          "VACUUM",
          "VALUES",
          "WITH");

  /** How long a statement waits for another block's schema changes to commit or roll back. */
  private static final long FENCE_WAIT_MILLIS = 60_000;

  private final String database;
  private final Connection connection;
  private final EngineSettings engineSettings;
  private final WriteExecutor writes;
  private final Runnable onClose;
  private final SessionSettings settings;
  private final Clock clock;
  private final TransactionBlock block;
  private final StatementFailures failures;
  private final Dialect dialect;
  private final Schema schema;
  private final CopyStatements copies;
  private final SchemaFence fence;
  private final CatalogVariables catalogVariables;
  private final SessionTempTables temps;
  private final TempTableWrites tempWrites;
  private final ExistenceNotices existenceNotices;
  private final CascadeNotices cascadeNotices;
  private boolean closed;

  /** Stops the statement running now wherever it is, for {@link #cancel()} from another thread. */
  private final StatementCancel cancel = new StatementCancel();

  private final SessionTimeout lockTimeout;

  private final SqlCursors cursors = new SqlCursors();

  /** The session's pg_temp insert functions (Sequelize's findOrCreate), by name. */
  private final java.util.Map<String, TempInsertFunction> tempFunctions = new java.util.HashMap<>();

  /**
   * @param user the authenticated user, who owns everything catalog answers list
   * @param databases the node's databases, for {@code \l}
   * @param databaseSize a database's size on disk, for {@code pg_database_size} ({@code \l+})
   * @param catalog the database's materialized catalog relations, brought up to date before a
   *     statement reads them
   */
  LocalSession(
      String database,
      String user,
      String serverVersion,
      Supplier<List<String>> databases,
      java.util.function.ToLongFunction<String> databaseSize,
      Connection connection,
      WriteExecutor writes,
      SessionSettings settings,
      Clock clock,
      StatementFailures failures,
      Dialect dialect,
      SchemaFence fence,
      CatalogSnapshot catalog,
      Runnable onClose) {
    this.failures = failures;
    this.fence = fence;
    this.database = database;
    this.connection = connection;
    this.writes = writes;
    this.settings = settings;
    this.lockTimeout = new SessionTimeout(settings, TimeoutSetting.LOCK_TIMEOUT);
    this.clock = clock;
    this.onClose = onClose;
    this.dialect = dialect;
    this.schema = new EngineSchema(connection, catalog);
    this.engineSettings = new EngineSettings(connection);
    this.block = new TransactionBlock(connection, writes, database, cancel);
    this.copies = new CopyStatements(database, connection, writes, block, dialect, schema);
    this.temps = new SessionTempTables(connection);
    this.tempWrites = new TempTableWrites(temps, connection, block, cancel);
    this.existenceNotices = new ExistenceNotices(connection);
    this.cascadeNotices = new CascadeNotices(connection);
    this.catalogVariables =
        new CatalogVariables(
            connection,
            user,
            databases,
            databaseSize,
            settings,
            ServerVersionText.of(serverVersion),
            catalog);
  }

  @Override
  public List<String> split(String query) throws SqlException {
    return StatementInfo.split(query);
  }

  @Override
  public PreparedSql prepare(String sql, int[] parameterTypeOids) throws SqlException {
    try {
      return prepareChecked(sql, parameterTypeOids);
    } catch (SqlException e) {
      throw failures.afterFailure(e, connection);
    } catch (Error e) {
      throw failures.afterFailure(failures.onError(e), connection);
    }
  }

  private PreparedSql prepareChecked(String sql, int[] parameterTypeOids) throws SqlException {
    TempInsertFunction called = TempFunctionCall.calledFunction(sql, tempFunctions);
    if (called != null) {
      PreparedSql insert = prepareChecked(called.insert(), new int[0]);
      try {
        return TempFunctionCall.of(sql, called, (LocalPreparedSql) insert);
      } catch (SqlException | RuntimeException e) {
        insert.close();
        throw e;
      }
    }
    StatementInfo info = StatementInfo.classify(sql);
    return switch (info.kind()) {
      case READ -> prepareForEngine(sql, info, parameterTypeOids);
      case WRITE, DDL -> {
        writes.checkAcceptsWrites(info.kind() == Kind.DDL);
        yield prepareForEngine(sql, info, parameterTypeOids);
      }
      case SESSION ->
          new LocalPreparedSql(
              sql,
              info,
              sql,
              new int[0],
              info.verb().equals("SHOW")
                  ? List.of(new Column(SessionSettings.label(info.settingName()), PgType.TEXT))
                  : List.of(),
              null);
      default -> {
        if (info.statement() instanceof CursorCommand cursor) {
          yield prepareCursor(sql, info, cursor, parameterTypeOids);
        }
        yield info.verb().equals("COPY")
            ? copies.prepare(sql, info)
            : new LocalPreparedSql(sql, info, sql, new int[0], List.of(), null);
      }
    };
  }

  private PreparedSql prepareCursor(
      String sql, StatementInfo info, CursorCommand cursor, int[] parameterTypeOids)
      throws SqlException {
    block.checkNotAborted(info); // PostgreSQL refuses the Parse too, before describing the rows
    if (cursor.op() == CursorCommand.Op.DECLARE) {
      SqlCursors.checkDeclare(cursor);
      PreparedSql query = prepareChecked(cursor.query(), parameterTypeOids);
      return new CursorPreparedSql(sql, info, cursor, query, List.of());
    }
    List<Column> columns =
        cursor.op() == CursorCommand.Op.FETCH ? cursors.columns(cursor.name()) : null;
    return new CursorPreparedSql(sql, info, cursor, null, columns == null ? List.of() : columns);
  }

  private PreparedSql prepareForEngine(String sql, StatementInfo info, int[] declaredOids)
      throws SqlException {
    StatementInfo.EngineSql engine = StatementInfo.toEngine(dialect, sql, schema);
    if (info.kind() == Kind.DDL) {
      // Schema changes return no rows and take no typed parameters: nothing to ask the engine,
      // and on a replica the statement must be refused, not half-checked against its schema.
      int[] oids = new int[engine.parameterCount()];
      java.util.Arrays.fill(oids, PgType.TEXT.oid());
      return new LocalPreparedSql(sql, info, engine.sql(), oids, List.of(), null);
    }
    PreparedStatement ps = null;
    try {
      if (info.kind() != Kind.WRITE) {
        // A write runs later on the writer's connection: write() brings the catalog up to date.
        catalogVariables.beforeStatement(sql, engine.sql());
      }
      String engineSql = engine.sql();
      ps = connection.prepareStatement(engineSql);
      List<Column> columns;
      try {
        columns = columns(ps);
      } catch (SQLException refused) {
        engineSql =
            UntypedParameters.typed(refused, engineSql, engine.parameterCount(), declaredOids);
        if (engineSql == null) {
          throw refused;
        }
        closeQuietly(ps);
        ps = null;
        ps = connection.prepareStatement(engineSql);
        columns = columns(ps);
      }
      int[] cast = ParameterCasts.declared(sql, declaredOids, engine.parameterCount());
      int[] quantified =
          QuantifiedParameters.declared(
              sql, cast == null ? declaredOids : cast, engine.parameterCount());
      cast = quantified == null ? cast : quantified;
      int[] oids = parameterOids(ps, engine, cast == null ? declaredOids : cast);
      if (engine.describeSql() != null) {
        oids = describedParameters(engine, oids);
      }
      if (info.kind() != Kind.READ) {
        // Writes run on the database's writer connection; this one only served to describe them.
        ps.close();
        ps = null;
      }
      return new LocalPreparedSql(sql, info, engineSql, oids, columns, ps);
    } catch (SQLException e) {
      closeQuietly(ps);
      throw SqlErrors.translate(e);
    }
  }

  private static List<Column> columns(PreparedStatement ps) throws SQLException {
    ResultSetMetaData md = ps.getMetaData();
    return md == null ? List.of() : JdbcTypes.columns(md, ps.getConnection());
  }

  /** The parameters' types: the client's, else what the engine infers. */
  private static int[] parameterOids(
      PreparedStatement ps, StatementInfo.EngineSql engine, int[] declaredOids)
      throws SQLException {
    return JdbcTypes.parameterOids(
        ps.getParameterMetaData(), engine.parameterCount(), declaredOids);
  }

  /**
   * Parameter types of a statement H2 cannot type (see {@link StatementInfo.EngineSql}), from its
   * plain DML: where that DML types a parameter other than as text, its type wins.
   */
  private int[] describedParameters(StatementInfo.EngineSql engine, int[] oids) {
    try (PreparedStatement describe = connection.prepareStatement(engine.describeSql())) {
      int[] described =
          JdbcTypes.parameterOids(
              describe.getParameterMetaData(),
              Math.min(oids.length, describe.getParameterMetaData().getParameterCount()),
              null);
      int[] merged = oids.clone();
      for (int i = 0; i < described.length; i++) {
        if (merged[i] == PgType.TEXT.oid() || merged[i] == PgType.VARCHAR.oid()) {
          if (described[i] != PgType.TEXT.oid() && described[i] != PgType.VARCHAR.oid()) {
            merged[i] = described[i];
          }
        }
      }
      return merged;
    } catch (SQLException e) {
      // A form H2 runs only inside the rewrite (INSERT INTO t AS alias): the types stay unknown.
      return oids;
    }
  }

  @Override
  public ExecutionResult execute(PreparedSql statement, List<Object> parameters)
      throws SqlException {
    if (statement instanceof CopyPreparedSql copy) {
      return copy(copy);
    }
    if (statement instanceof CursorPreparedSql cursor) {
      return cursor(cursor, parameters);
    }
    if (statement instanceof TempFunctionCall call) {
      try {
        return callTempFunction(call);
      } catch (SqlException e) {
        block.failed();
        throw failures.afterFailure(e, connection);
      }
    }
    LocalPreparedSql prepared = (LocalPreparedSql) statement;
    StatementInfo info = prepared.info();
    block.checkNotAborted(info);
    awaitSchemaSettled(prepared.engineSql());
    if (parameters.size() != prepared.parameterCount()) {
      throw new SqlException(
          "08P01",
          "bind message supplies "
              + parameters.size()
              + " parameters, but prepared statement requires "
              + prepared.parameterCount());
    }
    try {
      return executeChecked(prepared, parameters);
    } catch (SqlException e) {
      block.failed();
      throw failures.afterFailure(e, connection);
    } catch (Error e) {
      block.failed();
      throw failures.afterFailure(failures.onError(e), connection);
    }
  }

  private ExecutionResult copy(CopyPreparedSql copy) throws SqlException {
    block.checkNotAborted(copy.info());
    awaitSchemaSettled(copy.sql());
    try {
      return copies.execute(copy);
    } catch (SqlException e) {
      block.failed();
      throw failures.afterFailure(e, connection);
    }
  }

  private ExecutionResult cursor(CursorPreparedSql prepared, List<Object> parameters)
      throws SqlException {
    block.checkNotAborted(prepared.info());
    try {
      CursorCommand command = prepared.command();
      return switch (command.op()) {
        case DECLARE -> {
          if (!block.isOpen()) {
            throw new SqlException(
                "25P01", "DECLARE CURSOR can only be used in transaction blocks");
          }
          // The cursor's own statement: the prepared one closes with the DECLARE's statement,
          // which the client may drop (psycopg 3 reuses the unnamed one) while the cursor is open.
          PreparedSql query = prepareChecked(command.query(), prepared.parameterTypeOids());
          try {
            cursors.declare(command.name(), execute(query, parameters), query);
          } catch (SqlException | RuntimeException e) {
            query.close();
            throw e;
          }
          yield ExecutionResult.command(command.commandTag());
        }
        case FETCH -> cursors.fetch(command);
        case MOVE -> cursors.move(command);
        case CLOSE -> cursors.close(command);
      };
    } catch (SqlException e) {
      block.failed();
      throw e;
    }
  }

  /**
   * Waits while {@code sql} names a table of another session's transaction block (or of a replica's
   * apply of one) whose schema changes are half-applied: the engine has committed them, and the
   * rows before them.
   */
  private void awaitSchemaSettled(String sql) throws SqlException {
    try {
      if (!fence.await(connection, sql, FENCE_WAIT_MILLIS)) {
        throw new SqlException(
            "55P03",
            "canceling statement due to lock timeout: a transaction block is changing the schema"
                + " of database \""
                + database
                + "\"");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StatementCancel.canceledByUser();
    }
  }

  private ExecutionResult executeChecked(LocalPreparedSql prepared, List<Object> clientValues)
      throws SqlException {
    try {
      return executeKind(prepared, clientValues);
    } finally {
      if (!block.isOpen()) {
        // A statement outside a block is its own transaction: its transaction-level advisory
        // locks end with it.
        AdvisoryLockFunctions.LOCKS.transactionEnded(AdvisoryLockFunctions.owner(connection));
      }
    }
  }

  private ExecutionResult executeKind(LocalPreparedSql prepared, List<Object> clientValues)
      throws SqlException {
    StatementInfo info = prepared.info();
    List<Object> parameters =
        prepared.hasTypedParameters()
            ? TypedParameters.bind(prepared.parameterTypeOids(), clientValues)
            : clientValues;
    return switch (info.kind()) {
      case EMPTY -> ExecutionResult.command("");
      case READ -> read(prepared, parameters);
      case WRITE, DDL -> write(prepared, parameters);
      case DATABASE_DDL -> databaseDdl(info);
      case TRANSACTION -> {
        boolean wasOpen = block.isOpen();
        String tag = block.control(info);
        if (!wasOpen && block.isOpen() && info.statement() instanceof TransactionCommand begin) {
          // Modes BEGIN does not give are the session's defaults.
          transactionModes(
              begin.isolationLevel() != null
                  ? begin.isolationLevel()
                  : settings.get("default_transaction_isolation"),
              begin.readOnly()
                  ? "on"
                  : begin.readWrite() ? "off" : settings.get("default_transaction_read_only"));
        } else if (wasOpen && !block.isOpen()) {
          cursors.closeAll();
          temps.blockEnded(tag.equals("ROLLBACK"));
          // The block's modes end with it, as PostgreSQL's do.
          String readOnly = settings.get("default_transaction_read_only");
          transactionModes(
              settings.get("default_transaction_isolation"), readOnly == null ? "off" : readOnly);
        }
        yield ExecutionResult.command(tag);
      }
      case SESSION -> session(info);
      case OTHER -> other(info);
    };
  }

  private ExecutionResult read(LocalPreparedSql prepared, List<Object> parameters)
      throws SqlException {
    PreparedStatement ps = prepared.borrow();
    boolean owned = ps == null;
    try {
      if (owned) {
        ps = connection.prepareStatement(prepared.engineSql());
      }
      CommandApplier.bind(ps, parameters);
      if (!owned) {
        // A statement prepared earlier: the catalog's variables (databases, query) may be stale.
        catalogVariables.beforeStatement(prepared.sql(), prepared.engineSql());
      }
      boolean readsSettings = EngineSettings.reads(prepared.engineSql());
      if (readsSettings) {
        engineSettings.mirror(settings);
      }
      ResultSet rs;
      EngineLockWait.apply(connection, cancel.lockWaitMillis());
      cancel.running(ps);
      try {
        rs = ps.executeQuery();
      } finally {
        cancel.finished();
      }
      if (readsSettings) {
        engineSettings.readBack(settings);
      }
      List<Column> columns = prepared.columns();
      return ExecutionResult.rows(
          columns,
          new ResultSetCursor(
              rs, columns, owned ? ps : null, owned ? () -> {} : prepared::giveBack),
          "SELECT ");
    } catch (SQLException e) {
      if (owned) {
        closeQuietly(ps);
      } else {
        prepared.giveBack();
      }
      throw SqlErrors.translate(e);
    }
  }

  private ExecutionResult write(LocalPreparedSql prepared, List<Object> parameters)
      throws SqlException {
    StatementInfo info = prepared.info();
    boolean ddl = info.kind() == Kind.DDL;
    if (!ddl) {
      try {
        // nextval / setval read the catalog (serial columns' sequences) on the writer's connection.
        catalogVariables.beforeStatement(prepared.sql(), prepared.engineSql());
      } catch (SQLException e) {
        throw SqlErrors.translate(e);
      }
    }
    if (ddl || !tempWrites.changesOnlyTemporary(prepared.engineSql())) {
      TransactionAccessMode.checkWritable(settings, block.isOpen(), info.verb());
    }
    // Whether IF [NOT] EXISTS skips an object is only known before the statement runs.
    List<Notice> notices;
    try {
      notices = ddl ? existenceNotices.before(prepared.sql()) : List.of();
      if (ddl) {
        List<Notice> cascades = cascadeNotices.before(prepared.sql());
        if (!cascades.isEmpty()) {
          notices = new ArrayList<>(notices);
          notices.addAll(cascades);
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
    // A session's temporary tables are only visible on its own connection, and never logged.
    WriteResult result = tempWrites.run(info, prepared.engineSql(), parameters);
    if (result == null) {
      // Data changes are logged as the rows they produced; DDL as its text, which must not read
      // the clock or a random source when it runs (CREATE TABLE AS).
      String sql =
          ddl
              ? StatementInfo.makeDeterministic(prepared.engineSql(), clock.instant())
              : prepared.engineSql();
      SqlStatement statement = new SqlStatement(sql, parameters, ddl);
      result =
          block.isOpen() ? block.write(statement) : writes.autocommit(database, statement, cancel);
    }
    if (result.returnsRows()) {
      return ExecutionResult.rows(
              result.columns(), new ListCursor(result.rows()), info.completionTagPrefix())
          .withNotices(notices);
    }
    return ExecutionResult.command(info.completionTag(result.updateCount())).withNotices(notices);
  }

  /**
   * What SHOW answers: the session's value, else PostgreSQL 15's built-in one for a parameter the
   * session does not track (work_mem), else 42704.
   */
  private String shown(String name) throws SqlException {
    try {
      return settings.show(name);
    } catch (SqlException unknown) {
      String builtIn;
      try {
        builtIn = SettingFunctions.builtIn(connection, name);
      } catch (SQLException e) {
        throw SqlErrors.translate(e);
      }
      if (builtIn == null) {
        throw unknown;
      }
      return builtIn;
    }
  }

  /** BEGIN's (or the defaults') isolation level and read-only mode, as SHOW reports them. */
  private void transactionModes(String isolationLevel, String readOnly) throws SqlException {
    if (isolationLevel != null) {
      settings.set("transaction_isolation", isolationLevel);
    }
    if (readOnly != null) {
      settings.set("transaction_read_only", readOnly);
    }
  }

  private ExecutionResult databaseDdl(StatementInfo info) throws SqlException {
    block.refuseInside(info.verb());
    TransactionAccessMode.checkWritable(settings, false, info.verb());
    String name = info.databaseName();
    if (info.verb().equals("CREATE DATABASE")) {
      writes.createDatabase(name);
    } else {
      try {
        writes.dropDatabase(name, database);
      } catch (SqlException e) {
        if (!(info.ifExists() && e.sqlState().equals("3D000"))) {
          throw e;
        }
      }
    }
    return ExecutionResult.command(info.verb());
  }

  private ExecutionResult session(StatementInfo info) throws SqlException {
    switch (info.verb()) {
      case "SET" -> {
        settings.set(info.settingName(), info.settingValue());
        if (info.statement() instanceof SessionCommand c) {
          for (Map.Entry<String, String> also : c.alsoSet().entrySet()) {
            settings.set(also.getKey(), also.getValue());
          }
        }
      }
      case "RESET" -> settings.reset(info.settingName());
      case "SHOW" -> {
        if (!block.isOpen()) {
          // A statement outside a block is its own transaction, of the default modes.
          transactionModes(
              settings.get("default_transaction_isolation"),
              settings.get("default_transaction_read_only"));
        }
        String value = shown(info.settingName());
        return ExecutionResult.rows(
            List.of(new Column(SessionSettings.label(info.settingName()), PgType.TEXT)),
            new ListCursor(List.<Object[]>of(new Object[] {value})),
            "SHOW");
      }
      default -> {
        // DISCARD, DEALLOCATE: the protocol layer owns prepared statements; nothing held here
        // but the settings, which DISCARD ALL resets.
        if (info.verb().equals("DISCARD ALL")) {
          block.refuseInside("DISCARD ALL");
          settings.reset("all");
        }
        if (info.verb().equals("DISCARD ALL") || info.verb().equals("DISCARD TEMP")) {
          tempWrites.checkMayCommit(info.verb());
          temps.dropAll();
        }
      }
    }
    return ExecutionResult.command(info.verb());
  }

  private ExecutionResult other(StatementInfo info) throws SqlException {
    String verb = info.verb();
    if (NO_OP_COMMANDS.contains(verb)) {
      return ExecutionResult.command(verb);
    }
    if (info.statement() instanceof OwnerChange) {
      // One user owns everything (sql.OwnerChange); a replica refuses it as it refuses DDL.
      writes.checkAcceptsWrites(true);
      return ExecutionResult.command(verb);
    }
    if (info.statement() instanceof BuiltinExtension extension) {
      writes.checkAcceptsWrites(true);
      if (extension.listed() && !extension.ifNotExists()) {
        throw new SqlException("42710", "extension \"" + extension.name() + "\" already exists");
      }
      return ExecutionResult.command(verb);
    }
    if (info.statement() instanceof DoBlock doBlock) {
      return doBlock(doBlock);
    }
    if (info.statement() instanceof TempInsertFunction function) {
      writes.checkAcceptsWrites(false);
      tempFunctions.put(function.name(), function);
      return ExecutionResult.command(verb);
    }
    if (info.statement() instanceof TempInsertFunction.Drop drop) {
      if (tempFunctions.remove(drop.name()) == null && !drop.ifExists()) {
        throw new SqlException("42883", "function pg_temp." + drop.name() + "() does not exist");
      }
      return ExecutionResult.command(verb);
    }
    String firstWord = verb.split(" ", 2)[0];
    if (POSTGRES_COMMANDS.contains(firstWord)) {
      throw new SqlException("0A000", "statement not supported by distdb: " + verb);
    }
    throw new SqlException("42601", "syntax error at or near \"" + firstWord + "\"");
  }

  /**
   * Runs the block's one schema change; a failure its handler names leaves nothing behind (the
   * engine undoes a failed statement), so the block completes as PostgreSQL's would.
   */
  private ExecutionResult doBlock(DoBlock doBlock) throws SqlException {
    if (doBlock.statement().isEmpty()) {
      return ExecutionResult.command("DO");
    }
    PreparedSql inner = prepareChecked(doBlock.statement(), new int[0]);
    try {
      executeChecked((LocalPreparedSql) inner, List.of());
    } catch (SqlException e) {
      if (!doBlock.ignoredSqlStates().contains(e.sqlState())) {
        throw e;
      }
    } finally {
      inner.close();
    }
    return ExecutionResult.command("DO");
  }

  /**
   * Runs a pg_temp insert function: its INSERT inside a savepoint (inside a block), so that a
   * unique violation, which the function's handler catches, leaves the block usable; the call's row
   * is the inserted one, or nulls and the violation's DETAIL. Any other failure fails the call, as
   * the function would.
   */
  private ExecutionResult callTempFunction(TempFunctionCall call) throws SqlException {
    block.checkNotAborted(call.insert().info());
    boolean inBlock = block.isOpen();
    if (inBlock) {
      runInternal("SAVEPOINT distdb_temp_function");
    }
    Object[] row;
    try {
      ExecutionResult inserted = executeChecked(call.insert(), List.of());
      List<Object[]> rows;
      try {
        rows = inserted.rows().next(1);
      } finally {
        inserted.rows().close();
      }
      row = call.row(rows.isEmpty() ? null : rows.get(0), null);
    } catch (SqlException e) {
      if (!e.sqlState().equals("23505")) {
        throw e;
      }
      if (inBlock) {
        runInternal("ROLLBACK TO SAVEPOINT distdb_temp_function");
      }
      row = call.row(null, e.detail());
    }
    if (inBlock) {
      runInternal("RELEASE SAVEPOINT distdb_temp_function");
    }
    return ExecutionResult.rows(call.columns(), new ListCursor(List.<Object[]>of(row)), "SELECT ");
  }

  private void runInternal(String sql) throws SqlException {
    PreparedSql prepared = prepareChecked(sql, new int[0]);
    try {
      executeChecked((LocalPreparedSql) prepared, List.of());
    } finally {
      prepared.close();
    }
  }

  @Override
  public void started(int processId) {
    settings.backendPid(processId);
    AdvisoryLockFunctions.LOCKS.processId(AdvisoryLockFunctions.owner(connection), processId);
  }

  @Override
  public void statementStarting(long statementTimeoutMillis) {
    cancel.reset();
    cancel.boundLockWaits(EngineLockWait.bound(lockTimeout.millis(), statementTimeoutMillis));
  }

  @Override
  public void cancel() {
    cancel.request();
  }

  @Override
  public void portals(ProtocolPortals portals) {
    cursors.portals(portals);
  }

  @Override
  public List<Column> cursorColumns(String name) {
    return cursors.columns(name);
  }

  @Override
  public String parameter(String name) {
    return settings.get(name);
  }

  @Override
  public TransactionStatus transactionStatus() {
    return block.status();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cursors.closeAll();
    block.abandon();
    AdvisoryLockFunctions.LOCKS.sessionEnded(AdvisoryLockFunctions.owner(connection));
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The session is gone either way.
    }
    onClose.run();
  }

  private static void closeQuietly(PreparedStatement ps) {
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // Only frees memory.
      }
    }
  }
}
