package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's protocol state. Every method runs on the connection's {@link
 * SerialExecutor}, one at a time, so none of the state here needs locking.
 */
final class PgConnection {

  private static final Logger log = LoggerFactory.getLogger(PgConnection.class);

  private final ConnectionOutput out;
  private final ErrorReporter errors;
  private Phase phase;
  private boolean closed;

  PgConnection(ConnectionOutput out, Phase startup) {
    this.out = out;
    this.errors = new ErrorReporter(out);
    this.phase = startup;
  }

  void handle(FrontendMessage msg) {
    if (closed || !out.isOpen()) {
      return;
    }
    try {
      phase = phase.handle(msg);
    } catch (RuntimeException e) {
      // A phase lets nothing escape on purpose; if something does, the state is unknown.
      ErrorReporter.translate(e, out.id());
      out.fatal(ErrorResponse.fatal("XX000", "internal error"));
    }
  }

  /** See {@link Phase#idleInTransactionTimeoutMillis()}. */
  long idleInTransactionTimeoutMillis() {
    return closed || !out.isOpen() ? 0 : phase.idleInTransactionTimeoutMillis();
  }

  void idleInTransactionTimedOut() {
    if (!closed && out.isOpen()) {
      phase.idleInTransactionTimedOut();
    }
  }

  /** The frame decoder rejected the byte stream: 08P01 and close, as PostgreSQL does. */
  void protocolViolation(ProtocolException e) {
    if (!closed && out.isOpen()) {
      errors.report(e);
    }
  }

  /** The channel closed (Terminate, client gone, or our own close): free the session. */
  void channelClosed() {
    if (closed) {
      return;
    }
    closed = true;
    log.atDebug().addKeyValue("conn", out.id()).log("connection closed");
    phase.close();
  }
}
