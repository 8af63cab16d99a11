package io.distdb.node.service;

import io.distdb.node.command.Command;
import io.distdb.node.command.CommandCodec;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.AppliedLsn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way a database's entries reach the log on the master: encoded with the node's epoch,
 * appended with consecutive LSNs, fsynced, and then the last LSN recorded in the same storage
 * transaction as the data before it commits, in log order.
 */
final class EntryLog {

  /**
   * The largest entry the write path logs: a replication frame carries at most 16 MiB and an entry
   * travels whole, so a bigger transaction could never reach a slave.
   */
  static final int MAX_ENTRY_BYTES = 15 * 1024 * 1024;

  private final ReplicationLog replicationLog;
  private final StorageHorizon horizon;
  private final long epoch;
  private final NodeHealth health;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final CommitTurns turns = new CommitTurns();

  EntryLog(ReplicationLog replicationLog, StorageHorizon horizon, long epoch, NodeHealth health) {
    this.replicationLog = replicationLog;
    this.horizon = horizon;
    this.epoch = epoch;
    this.health = health;
  }

  /** The entry's bytes, or null when it is larger than {@link #MAX_ENTRY_BYTES}. */
  byte[] encode(Command command) {
    byte[] payload = CommandCodec.encode(command, epoch);
    return payload.length > MAX_ENTRY_BYTES ? null : payload;
  }

  static SqlException tooLarge() {
    return new SqlException(
        "54000",
        "transaction changes too much data to replicate as one log entry (more than "
            + MAX_ENTRY_BYTES / (1024 * 1024)
            + " MiB of row images)",
        null,
        "Change the rows in smaller transactions.",
        null);
  }

  /** What a commit logs, built while the commit holds its database's append lock. */
  interface Payloads {
    /**
     * The entries to append, maybe none. Runs under the append lock so that what it reads (which
     * sequences moved since the last entry) follows the log's order.
     */
    List<byte[]> build() throws SQLException, SqlException;
  }

  /**
   * Builds and appends a transaction's entries, waits for the fsync, records the last LSN in {@code
   * c}'s transaction and commits it, in log order with the database's other commits (see {@link
   * CommitTurns}). Returns the first LSN, or 0 when there was nothing to log (then {@code c} just
   * commits). A failure to build rolls {@code c} back and is the statement's; any later failure
   * leaves log and storage possibly apart, which only a restart's replay reconciles, so the node
   * stops taking writes.
   */
  long logAndCommit(Connection c, Payloads payloads) throws SqlException {
    List<byte[]> entries;
    long first;
    long turn;
    appendLock.lock();
    try {
      try {
        entries = payloads.build();
      } catch (SQLException e) {
        DatabaseWriter.rollbackQuietly(c);
        throw SqlErrors.translate(e);
      } catch (SqlException | RuntimeException e) {
        DatabaseWriter.rollbackQuietly(c);
        throw e;
      }
      if (entries.isEmpty()) {
        commitUnlogged(c);
        return 0;
      }
      try {
        first = horizon.append(() -> replicationLog.appendAllForOwnFlush(entries));
      } catch (Exception e) {
        throw failed(c, "log append failed: " + e.getMessage(), e);
      }
      turn = turns.take();
    } finally {
      appendLock.unlock();
    }
    long last = first + entries.size() - 1;
    String failure = null;
    Exception cause = null;
    try {
      // The fsync runs on this thread when no other flush does: no hand-off per commit.
      replicationLog.flushOwn(last);
    } catch (Exception e) {
      failure = "log flush failed: " + e.getMessage();
      cause = e;
    }
    String earlier = turns.await(turn);
    try {
      if (failure == null && earlier != null) {
        failure = "an earlier commit failed: " + earlier;
      }
      if (failure == null) {
        AppliedLsn.set(c, last);
        c.commit();
      }
    } catch (Exception e) {
      failure = "commit of log entries from " + first + " failed: " + e.getMessage();
      cause = e;
    } finally {
      turns.finish(turn, failure);
    }
    if (failure != null) {
      throw failed(c, failure, cause);
    }
    horizon.committed(first);
    return first;
  }

  private static void commitUnlogged(Connection c) throws SqlException {
    try {
      c.commit();
    } catch (SQLException e) {
      DatabaseWriter.rollbackQuietly(c);
      throw SqlErrors.translate(e);
    }
  }

  private SqlException failed(Connection c, String failure, Exception cause) {
    health.fail(failure);
    DatabaseWriter.rollbackQuietly(c);
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return SqlErrors.ioFailure(cause == null ? new java.io.IOException(failure) : cause);
  }
}
