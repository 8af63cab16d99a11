package io.distdb.node.sql;

/**
 * Statement text the SQL layer cannot accept, with the PostgreSQL SQLSTATE the client should see. A
 * checked exception of this package so that {@code sql} stays a leaf: callers translate it into
 * their own error type.
 */
public class StatementException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Syntax error or access rule violation: {@code syntax_error}. */
  public static final String SYNTAX_ERROR = "42601";

  /** {@code feature_not_supported}. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";

  /** {@code undefined_parameter}: a {@code $0} placeholder. */
  public static final String UNDEFINED_PARAMETER = "42P02";

  private final String sqlState;

  public StatementException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  /** The five-character SQLSTATE, e.g. {@code 42601}. */
  public String sqlState() {
    return sqlState;
  }

  static StatementException syntax(String message) {
    return new StatementException(SYNTAX_ERROR, message);
  }
}
