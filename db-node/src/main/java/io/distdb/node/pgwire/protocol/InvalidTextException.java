package io.distdb.node.pgwire.protocol;

/**
 * A message carried text that is not valid UTF-8 (SQLSTATE 22021). Unlike a {@link
 * ProtocolException} the framing is intact, so after a command the session goes on, as in
 * PostgreSQL.
 */
public final class InvalidTextException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String SQLSTATE = "22021";

  public InvalidTextException(String message) {
    super(message, null, false, false);
  }
}
