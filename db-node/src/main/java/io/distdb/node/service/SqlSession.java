package io.distdb.node.service;

import java.util.List;

/**
 * One client's conversation with one logical database. Not thread-safe: the protocol layer calls it
 * from a single thread per connection, one call at a time.
 *
 * <p>Statements follow PostgreSQL's rules: outside {@code BEGIN} each statement commits on its own;
 * after an error inside a transaction block every statement but {@code ROLLBACK}/{@code COMMIT}
 * fails with SQLSTATE {@code 25P02} until the block ends.
 */
public interface SqlSession extends AutoCloseable {

  /**
   * Splits a simple-query string into statements (quotes, comments and dollar quotes respected). An
   * empty or all-whitespace string yields an empty list (the protocol answers EmptyQueryResponse).
   */
  List<String> split(String query) throws SqlException;

  /**
   * Parses and describes one statement. {@code sql} uses PostgreSQL's {@code $1..$n} placeholders.
   *
   * @param parameterTypeOids the types the client declared in Parse, possibly shorter than the
   *     number of parameters; 0 means "infer it"
   */
  PreparedSql prepare(String sql, int[] parameterTypeOids) throws SqlException;

  /**
   * Executes a prepared statement with bound values. Parameter values are {@code null} or the Java
   * object the protocol decoded: String for text-format values, or for binary format Short,
   * Integer, Long, Float, Double, Boolean, byte[], BigDecimal, LocalDate, LocalDateTime,
   * OffsetDateTime or UUID, as the parameter's type says.
   */
  ExecutionResult execute(PreparedSql statement, List<Object> parameters) throws SqlException;

  /** The status byte the next ReadyForQuery carries. */
  /** The session has been given {@code processId} (BackendKeyData), which pg_backend_pid shows. */
  default void started(int processId) {}

  TransactionStatus transactionStatus();

  /**
   * Cancels the statement this session is running right now, if any, so that it fails with 57014; a
   * statement that has already finished is not affected. Unlike every other method this one is
   * called from another thread (a CancelRequest or a statement timeout).
   */
  default void cancel() {}

  /**
   * The protocol layer starts a statement that {@link #cancel()} may target: cancels asked for
   * before now are forgotten. Called before the statement can be cancelled, never concurrently with
   * {@link #cancel()}.
   *
   * @param statementTimeoutMillis the statement's {@code statement_timeout} as the protocol layer
   *     enforces it (0 = none); the session bounds the statement's lock waits by it
   */
  default void statementStarting(long statementTimeoutMillis) {}

  /** Where FETCH and MOVE find the protocol layer's named portals (see {@link ProtocolPortals}). */
  default void portals(ProtocolPortals portals) {}

  /**
   * The columns of the SQL cursor {@code name} (DECLARE), or null when none is open. In PostgreSQL
   * a cursor is a portal, so a client may Describe it by name (psycopg 3 does after DECLARE).
   */
  default List<Column> cursorColumns(String name) {
    return null;
  }

  /** A run-time parameter's current value (as SET or the node's default left it), or null. */
  default String parameter(String name) {
    return null;
  }

  /** Rolls back any open transaction and frees its resources. Never throws. */
  @Override
  void close();
}
