package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.ProtocolException;
import io.distdb.node.service.SqlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the ErrorResponse the client sees. SQL errors are the client's business and
 * are not logged above DEBUG; anything else is a bug on our side, so it is logged once at WARN with
 * the stack trace and the client only gets a generic XX000.
 */
final class ErrorReporter {

  private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

  private final ConnectionOutput out;

  ErrorReporter(ConnectionOutput out) {
    this.out = out;
  }

  /**
   * Writes and flushes the error, as PostgreSQL does (a client that sent Parse and Flush waits for
   * the answer: asyncpg does before it describes a statement), or for a fatal one also closes.
   */
  void report(Throwable failure) {
    ErrorResponse error = translate(failure, out.id());
    if (error.isFatal()) {
      out.fatal(error);
    } else {
      out.write(error);
      out.flush();
    }
  }

  static ErrorResponse translate(Throwable failure, long connId) {
    if (failure instanceof SqlException) {
      SqlException e = (SqlException) failure;
      log.atDebug()
          .addKeyValue("conn", connId)
          .addKeyValue("sqlstate", e.sqlState())
          .log("statement failed: {}", e.getMessage());
      return new ErrorResponse(
          e.isFatal() ? "FATAL" : "ERROR",
          e.sqlState(),
          e.getMessage(),
          e.detail(),
          e.hint(),
          false,
          e.context(),
          e.object().schema(),
          e.object().table(),
          e.object().column(),
          e.object().constraint());
    }
    if (failure instanceof ProtocolException) {
      log.atDebug().addKeyValue("conn", connId).log("protocol violation: {}", failure.getMessage());
      return ErrorResponse.fatal("08P01", failure.getMessage());
    }
    log.atWarn().addKeyValue("conn", connId).setCause(failure).log("internal error");
    return ErrorResponse.error("XX000", "internal error");
  }
}
