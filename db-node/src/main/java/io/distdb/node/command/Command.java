package io.distdb.node.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one replication-log entry means. Every replica applies the same commands in LSN order. A
 * transaction carries what the master's engine changed (row images, sequence positions) and the
 * schema changes it ran, so replicas never evaluate an expression themselves.
 */
public sealed interface Command {

  /** {@code CREATE DATABASE name}. */
  record CreateDatabase(String name) implements Command {}

  /** {@code DROP DATABASE name}. */
  record DropDatabase(String name) implements Command {}

  /**
   * A committed transaction on one database: its changes in the order the master made them. Only
   * committed work is logged; what a rollback (or a rollback to a savepoint) undid is absent,
   * except the sequence positions it advanced, which the entry carries as the master's current
   * values.
   */
  record Transaction(String database, List<Change> changes) implements Command {
    public Transaction {
      changes = List.copyOf(changes);
    }

    /** Whether applying it runs a schema change (which the engine commits at once). */
    public boolean changesSchema() {
      for (Change c : changes) {
        if (c instanceof Change.SchemaChange) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A stage-1 entry (format version 1): SQL statements every replica re-executed. Only decoded,
   * never written any more, so that a data directory and slaves from before row-change replication
   * still replay their log.
   *
   * @param rolledBack the master rolled the transaction back; replay undoes its data but keeps what
   *     it did to sequences
   */
  record StatementTransaction(String database, List<SqlStatement> statements, boolean rolledBack)
      implements Command {
    public StatementTransaction {
      statements = List.copyOf(statements);
    }
  }

  /**
   * One statement as the storage engine runs it (its dialect, {@code ?n} parameters): what a
   * session hands to the write path, and what a stage-1 entry holds.
   *
   * @param parameters the bound values, each null or one of the types {@link ValueCodec} knows
   * @param ddl whether the statement changes the schema
   * @param failed the statement failed on the master (stage-1 entries only)
   */
  record SqlStatement(String sql, List<Object> parameters, boolean ddl, boolean failed) {
    public SqlStatement {
      parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public SqlStatement(String sql, List<Object> parameters, boolean ddl) {
      this(sql, parameters, ddl, false);
    }

    /** The same statement, marked as having failed on the master. */
    public SqlStatement asFailed() {
      return new SqlStatement(sql, parameters, ddl, true);
    }
  }
}
