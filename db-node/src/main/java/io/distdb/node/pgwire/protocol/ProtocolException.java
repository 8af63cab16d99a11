package io.distdb.node.pgwire.protocol;

/**
 * The client broke the wire format (bad length, truncated body, unknown message type). The
 * connection cannot be trusted to be in sync any more, so it is always answered with a FATAL 08P01
 * and closed. Semantic errors that leave the stream intact are {@code SqlException}s instead.
 */
public final class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message, null, false, false);
  }
}
