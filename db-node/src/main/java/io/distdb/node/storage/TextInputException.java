package io.distdb.node.storage;

/**
 * Text a PostgreSQL type's input function would refuse: the SQLSTATE (22P02, 22003, 0A000), the
 * message and, where PostgreSQL gives one, its detail, all as PostgreSQL words them.
 */
public final class TextInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final String detail;

  public TextInputException(String sqlState, String message, String detail) {
    super(message);
    this.sqlState = sqlState;
    this.detail = detail;
  }

  public String sqlState() {
    return sqlState;
  }

  /** PostgreSQL's DETAIL line, or null. */
  public String detail() {
    return detail;
  }
}
