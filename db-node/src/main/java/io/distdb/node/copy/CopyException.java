package io.distdb.node.copy;

/**
 * A COPY that cannot go on, with PostgreSQL's SQLSTATE and, for data errors, its CONTEXT line
 * ({@code COPY t, line 2, column a: "abc"}). A checked exception of this package so that {@code
 * copy} stays a leaf: callers translate it into their own error type.
 */
public final class CopyException extends Exception {

  private static final long serialVersionUID = 1L;

  /** {@code bad_copy_file_format}: a line that does not split into the expected fields. */
  public static final String BAD_COPY_FORMAT = "22P04";

  /** {@code invalid_text_representation}: a field its column's type cannot read. */
  public static final String INVALID_TEXT = "22P02";

  private final String sqlState;
  private final String context;

  public CopyException(String sqlState, String message) {
    this(sqlState, message, null);
  }

  public CopyException(String sqlState, String message, String context) {
    super(message);
    this.sqlState = sqlState;
    this.context = context;
  }

  public String sqlState() {
    return sqlState;
  }

  /** PostgreSQL's CONTEXT field, or null. */
  public String context() {
    return context;
  }

  /** The same error, located: PostgreSQL names the table and line of every data error. */
  public CopyException at(String where) {
    return new CopyException(sqlState, getMessage(), where);
  }

  static CopyException syntax(String message) {
    return new CopyException("42601", message);
  }

  static CopyException unsupported(String message) {
    return new CopyException("0A000", message);
  }
}
