package io.distdb.node.storage;

/**
 * An H2 error as a PostgreSQL client expects to see it.
 *
 * @param sqlState PostgreSQL's five-character SQLSTATE
 * @param message the primary message, worded like PostgreSQL's
 * @param detail the DETAIL field, or null
 * @param object the schema, table, column and constraint the error is about (ErrorResponse's s, t,
 *     c and n fields, which ORMs read to name the violated constraint); never null
 */
public record TranslatedError(String sqlState, String message, String detail, ErrorObject object) {

  public TranslatedError(String sqlState, String message, String detail) {
    this(sqlState, message, detail, ErrorObject.NONE);
  }

  /**
   * The objects a constraint violation names: PostgreSQL's {@code errtableconstraint} and {@code
   * errtablecol}. Each part may be null.
   */
  public record ErrorObject(String schema, String table, String column, String constraint) {
    public static final ErrorObject NONE = new ErrorObject(null, null, null, null);

    public static ErrorObject constraint(String schema, String table, String constraint) {
      return new ErrorObject(schema, table, null, constraint);
    }

    public static ErrorObject column(String schema, String table, String column) {
      return new ErrorObject(schema, table, column, null);
    }
  }
}
