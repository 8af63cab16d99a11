package io.distdb.node.log;

import java.io.IOException;

/**
 * Reads log entries in LSN order. A cursor only returns entries that are durable at the time of
 * each {@link #next()} call, so a replica is never sent an entry the master could still lose.
 *
 * <p>A cursor is meant for one thread at a time. Interrupting that thread during a read closes the
 * cursor's own file handle (NIO semantics); it never affects the log or other cursors.
 */
public interface LogCursor extends AutoCloseable {

  /**
   * Returns the next entry, or {@code null} when no further entry is durable right now (call again
   * later, e.g. from a {@link ReplicationLog#addDurableListener durable listener}).
   *
   * @throws LogTruncatedException if retention or a reset removed the entries this cursor needs
   * @throws IOException if a record cannot be read or fails its checksum
   * @throws IllegalStateException if the cursor or the log is closed
   */
  LogEntry next() throws IOException;

  @Override
  void close();
}
