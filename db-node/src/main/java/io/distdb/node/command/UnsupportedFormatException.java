package io.distdb.node.command;

/**
 * A log entry written in a newer format than this node understands. It must never be skipped: the
 * node (or the slave's apply) stops and says to upgrade.
 */
public final class UnsupportedFormatException extends IllegalArgumentException {

  public UnsupportedFormatException(int version) {
    super(
        "log entry format version "
            + version
            + " is newer than this node supports (up to "
            + CommandCodec.VERSION
            + "): it was written by a newer distdb; upgrade this node before it applies the log");
  }
}
