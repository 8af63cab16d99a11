package io.distdb.node.command;

import java.sql.SQLException;

/**
 * Writing a batch of row images failed; {@link #lsn()} is the entry whose row failed, which may be
 * earlier than the entry being applied when the batch was sent.
 */
final class RowApplyException extends SQLException {

  private static final long serialVersionUID = 1L;

  private final long lsn;

  RowApplyException(long lsn, SQLException cause) {
    super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
    this.lsn = lsn;
  }

  long lsn() {
    return lsn;
  }
}
