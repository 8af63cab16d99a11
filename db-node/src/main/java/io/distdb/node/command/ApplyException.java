package io.distdb.node.command;

/**
 * A logged command could not be applied. Since the master ran the same command successfully on the
 * same state, this means the replica has diverged or its storage failed: the node must stop
 * applying.
 */
public class ApplyException extends Exception {

  private static final long serialVersionUID = 1L;

  private final long lsn;

  public ApplyException(long lsn, String message, Throwable cause) {
    super("cannot apply log entry " + lsn + ": " + message, cause);
    this.lsn = lsn;
  }

  public long lsn() {
    return lsn;
  }
}
