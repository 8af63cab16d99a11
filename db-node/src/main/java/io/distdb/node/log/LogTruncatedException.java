package io.distdb.node.log;

import java.io.IOException;

/**
 * The requested entries are no longer in the log (removed by retention or a reset). A replica that
 * gets this must be re-seeded from a snapshot instead of streaming the log.
 */
public final class LogTruncatedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long firstAvailableLsn;

  public LogTruncatedException(long requestedLsn, long firstAvailableLsn) {
    super(
        "LSN "
            + requestedLsn
            + " is no longer in the log; first available LSN is "
            + firstAvailableLsn);
    this.firstAvailableLsn = firstAvailableLsn;
  }

  /** The oldest LSN the log can still serve (lastLsn + 1 if the log is empty). */
  public long firstAvailableLsn() {
    return firstAvailableLsn;
  }
}
