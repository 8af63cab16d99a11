package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.service.StatementInfo.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Routes the writes and schema changes that concern a session's temporary tables, which only the
 * session's own engine connection can see:
 *
 * <ul>
 *   <li>CREATE TEMP TABLE, and writes and schema changes that change only temporary tables, run on
 *       that connection and are never logged;
 *   <li>a write to permanent tables that reads temporary ones ({@code DELETE FROM t WHERE id IN
 *       (SELECT id FROM HTE_t)}, Hibernate's bulk operations) runs on that connection too, with its
 *       permanent rows captured and logged as in any transaction block (alone, it is its own
 *       one-statement block);
 *   <li>a schema change of permanent objects that names a temporary table ({@code CREATE TABLE p AS
 *       SELECT * FROM temp}) is refused: replicas run schema changes as statements, and cannot see
 *       the table.
 * </ul>
 */
final class TempTableWrites {

  private final SessionTempTables temps;
  private final Connection connection;
  private final TransactionBlock block;
  private final StatementCancel cancel;

  TempTableWrites(
      SessionTempTables temps,
      Connection connection,
      TransactionBlock block,
      StatementCancel cancel) {
    this.temps = temps;
    this.connection = connection;
    this.block = block;
    this.cancel = cancel;
  }

  /**
   * Runs the write if it concerns temporary tables; null if it does not, and the write path runs
   * it.
   */
  WriteResult run(StatementInfo info, String engineSql, List<Object> parameters)
      throws SqlException {
    boolean ddl = info.kind() == Kind.DDL;
    if (ddl) {
      TempTableSql.Create create = TempTableSql.create(engineSql);
      if (create != null) {
        checkReferencesTemporary(engineSql, create.name());
        return WriteResult.count(temps.create(create, block.isOpen()));
      }
      checkReferencesPermanent(engineSql);
    }
    if (temps.isEmpty() || !temps.namedIn(engineSql)) {
      return null;
    }
    SqlStatement statement = new SqlStatement(engineSql, parameters, false, false);
    List<String> changed = TempTableSql.changedTables(engineSql);
    if (temps.allTemporary(changed)) {
      if (temps.resolvesToPermanent(changed)) {
        // Run here, unlogged, it would change the permanent table on this node alone.
        throw new SqlException(
            "0A000",
            "a permanent table now has the name of this session's temporary table "
                + changed
                + "; distdb cannot tell them apart",
            "distdb finds permanent tables before temporary ones of the same name.",
            "Drop or rename one of them.",
            null);
      }
      if (ddl) {
        checkReferencesTemporary(engineSql, null);
        checkMayCommit(info.verb());
      }
      try {
        return StatementRunner.run(connection, statement, cancel);
      } catch (SQLException e) {
        throw SqlErrors.translate(e);
      } finally {
        if (ddl) {
          temps.refresh();
        }
      }
    }
    if (ddl) {
      throw new SqlException(
          "0A000",
          "a schema change of permanent objects that names a temporary table is not supported"
              + " by distdb",
          "Replicas run schema changes of permanent objects as statements and cannot see the"
              + " session's temporary tables.",
          null,
          null);
    }
    if (block.isOpen()) {
      return block.write(statement);
    }
    return oneStatementBlock(statement);
  }

  /** Whether {@code engineSql}, a data change, changes this session's temporary tables only. */
  boolean changesOnlyTemporary(String engineSql) throws SqlException {
    return !temps.isEmpty()
        && temps.namedIn(engineSql)
        && temps.allTemporary(TempTableSql.changedTables(engineSql));
  }

  /** A permanent table's foreign keys, by PostgreSQL's rule: replicas cannot see the session's. */
  private void checkReferencesPermanent(String engineSql) throws SqlException {
    if (temps.isEmpty() || temps.allTemporary(TempTableSql.changedTables(engineSql))) {
      return;
    }
    for (String referenced : TempTableSql.referencedTables(engineSql)) {
      if (temps.allTemporary(List.of(referenced))) {
        throw new SqlException(
            "42P16", "constraints on permanent tables may reference only permanent tables");
      }
    }
  }

  /** PostgreSQL's rule, which also keeps H2 from tying a permanent table to a session's one. */
  private void checkReferencesTemporary(String engineSql, String creating) throws SqlException {
    for (String referenced : TempTableSql.referencedTables(engineSql)) {
      if (!referenced.equals(creating) && !temps.allTemporary(List.of(referenced))) {
        throw new SqlException(
            "42P16", "constraints on temporary tables may reference only temporary tables");
      }
    }
  }

  /**
   * H2 commits the session's transaction for a schema change of a temporary table (only CREATE has
   * TRANSACTIONAL): inside a block that changed permanent tables that would commit them before they
   * are logged.
   */
  void checkMayCommit(String verb) throws SqlException {
    if (block.isOpen() && block.ownsWrites()) {
      throw new SqlException(
          "0A000",
          verb
              + " of a temporary table inside a transaction block that changed permanent tables"
              + " is not supported by distdb",
          null,
          "Run it before the block's first write, or after COMMIT.",
          null);
    }
  }

  private WriteResult oneStatementBlock(SqlStatement statement) throws SqlException {
    block.control(StatementInfo.classify("BEGIN"));
    WriteResult result;
    try {
      result = block.write(statement);
    } catch (SqlException | RuntimeException e) {
      block.control(StatementInfo.classify("ROLLBACK"));
      throw e;
    }
    block.control(StatementInfo.classify("COMMIT"));
    return result;
  }
}
