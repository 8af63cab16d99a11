package io.distdb.node.service;

/**
 * A statement failed in a way the client sees as an ErrorResponse. Carries PostgreSQL's SQLSTATE.
 */
public class SqlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final String detail;
  private final String hint;
  private final String context;
  private final ErrorObject object;

  /**
   * What a constraint violation is about: ErrorResponse's schema, table, column and constraint
   * fields (s, t, c, n). Each part may be null.
   */
  public record ErrorObject(String schema, String table, String column, String constraint) {
    public static final ErrorObject NONE = new ErrorObject(null, null, null, null);
  }

  public SqlException(String sqlState, String message) {
    this(sqlState, message, null, null, null);
  }

  public SqlException(String sqlState, String message, Throwable cause) {
    this(sqlState, message, null, null, cause);
  }

  public SqlException(
      String sqlState, String message, String detail, String hint, Throwable cause) {
    this(sqlState, message, detail, hint, cause, null, ErrorObject.NONE);
  }

  private SqlException(
      String sqlState,
      String message,
      String detail,
      String hint,
      Throwable cause,
      String context,
      ErrorObject object) {
    super(message, cause);
    this.sqlState = sqlState;
    this.detail = detail;
    this.hint = hint;
    this.context = context;
    this.object = object;
  }

  /** The same error with a CONTEXT field ({@code COPY t, line 2}), as PostgreSQL adds one. */
  public SqlException withContext(String context) {
    return new SqlException(sqlState, getMessage(), detail, hint, getCause(), context, object);
  }

  /** The same error naming the objects it is about. */
  public SqlException withObject(ErrorObject object) {
    return new SqlException(sqlState, getMessage(), detail, hint, getCause(), context, object);
  }

  /** The schema, table, column and constraint the error is about; never null. */
  public ErrorObject object() {
    return object;
  }

  /** The five-character SQLSTATE, e.g. {@code 42P01}. */
  public String sqlState() {
    return sqlState;
  }

  /** Optional DETAIL field, or null. */
  public String detail() {
    return detail;
  }

  /** Optional HINT field, or null. */
  public String hint() {
    return hint;
  }

  /** Optional CONTEXT field (where the error happened), or null. */
  public String context() {
    return context;
  }

  /**
   * ERROR for statement failures; FATAL where the session cannot go on (the protocol then closes
   * the connection). A missing database (3D000) is FATAL only when a session is opened, which the
   * startup phase decides: a statement naming one ({@code DROP DATABASE}, {@code pg_database_size})
   * fails with ERROR, as in PostgreSQL.
   */
  public boolean isFatal() {
    return sqlState.startsWith("28") || sqlState.startsWith("57P");
  }
}
