package io.distdb.node.sql;

/**
 * Transaction control.
 *
 * @param op what to do
 * @param commandTag {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT} (also for END), {@code
 *     ROLLBACK} (also for ABORT and ROLLBACK TO), {@code SAVEPOINT} or {@code RELEASE}
 * @param savepoint the savepoint name (folded unless quoted) for the savepoint ops, else null
 * @param isolationLevel for BEGIN/START TRANSACTION: {@code "serializable"}, {@code "repeatable
 *     read"}, {@code "read committed"}, {@code "read uncommitted"}, or null when not given
 * @param readOnly for BEGIN/START TRANSACTION: true when READ ONLY was given
 * @param readWrite for BEGIN/START TRANSACTION: true when READ WRITE was given (neither: the
 *     session's default_transaction_read_only decides)
 */
public record TransactionCommand(
    Op op,
    String commandTag,
    String savepoint,
    String isolationLevel,
    boolean readOnly,
    boolean readWrite)
    implements Statement {

  /** A command that gives no access mode. */
  public TransactionCommand(
      Op op, String commandTag, String savepoint, String isolationLevel, boolean readOnly) {
    this(op, commandTag, savepoint, isolationLevel, readOnly, false);
  }

  /** The transaction operation. */
  public enum Op {
    BEGIN,
    COMMIT,
    ROLLBACK,
    SAVEPOINT,
    RELEASE_SAVEPOINT,
    ROLLBACK_TO_SAVEPOINT
  }

  @Override
  public StatementKind kind() {
    return StatementKind.TRANSACTION;
  }

  @Override
  public boolean returnsRows() {
    return false;
  }
}
