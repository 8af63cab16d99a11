package io.distdb.node.service;

import io.distdb.node.storage.H2ErrorTranslator;
import io.distdb.node.storage.TranslatedError;
import java.sql.SQLException;

/** Turns storage-engine errors into the PostgreSQL errors clients expect. */
final class SqlErrors {

  private SqlErrors() {}

  static SqlException translate(SQLException e) {
    TranslatedError t = H2ErrorTranslator.translate(e);
    TranslatedError.ErrorObject o = t.object();
    return new SqlException(t.sqlState(), t.message(), t.detail(), null, e)
        .withObject(
            new SqlException.ErrorObject(o.schema(), o.table(), o.column(), o.constraint()));
  }

  static SqlException internal(String message, Throwable cause) {
    return new SqlException("XX000", message, cause);
  }

  /** The log or storage failed under a write: the node stops taking writes until restarted. */
  static SqlException ioFailure(Throwable cause) {
    return new SqlException(
        "58030",
        "could not make the write durable: " + cause.getMessage(),
        null,
        "The node refuses writes until it is restarted and has replayed its log.",
        cause);
  }
}
