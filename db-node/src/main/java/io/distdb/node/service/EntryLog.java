package io.distdb.node.service;

import io.distdb.node.command.Command;
import io.distdb.node.command.CommandCodec;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.AppliedLsn;
import java.sql.Connection;
import java.util.List;

/**
 * The one way entries reach the log on the master: encoded with the node's epoch, appended with
 * consecutive LSNs, fsynced, and then the last LSN recorded in the same storage transaction as the
 * data before it commits.
 */
final class EntryLog {

  /**
   * The largest entry the write path logs: a replication frame carries at most 16 MiB and an entry
   * travels whole, so a bigger transaction could never reach a slave.
   */
  static final int MAX_ENTRY_BYTES = 15 * 1024 * 1024;

  private final ReplicationLog replicationLog;
  private final long epoch;
  private final NodeHealth health;

  EntryLog(ReplicationLog replicationLog, long epoch, NodeHealth health) {
    this.replicationLog = replicationLog;
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

  /**
   * Appends {@code payloads}, waits for the fsync, records the last LSN in {@code c}'s transaction
   * and commits it. Returns the first LSN. Any failure leaves log and storage possibly apart, which
   * only a restart's replay reconciles, so the node stops taking writes.
   */
  long logAndCommit(Connection c, List<byte[]> payloads) throws SqlException {
    long first = 0;
    try {
      // The fsync runs on this thread when no other flush does: no hand-off per commit.
      first = replicationLog.appendAllDurably(payloads);
      long last = first + payloads.size() - 1;
      AppliedLsn.set(c, last);
      c.commit();
      return first;
    } catch (Exception e) {
      health.fail(
          (first == 0 ? "log append" : "commit of log entries from " + first)
              + " failed: "
              + e.getMessage());
      DatabaseWriter.rollbackQuietly(c);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw SqlErrors.ioFailure(e);
    }
  }
}
