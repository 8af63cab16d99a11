package io.distdb.node.command;

import io.distdb.node.log.LogCursor;
import io.distdb.node.log.LogEntry;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.undo.SchemaUndo;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery: applies every retained log entry after the last checkpoint that storage does not
 * hold yet. Entries storage already has are skipped by the applier, so replaying twice is harmless;
 * the checkpoint spares reading and decoding the entries before it at all.
 */
public final class LogReplay {

  private static final Logger log = LoggerFactory.getLogger(LogReplay.class);
  private static final int COMMIT_EVERY = 1_024;

  private LogReplay() {}

  /**
   * What replay found.
   *
   * @param lastEpoch the highest epoch any retained entry was written in (0 if none says)
   */
  public record Replayed(long entries, long lastEpoch) {}

  /**
   * @param checkpointLsn an LSN up to which storage holds every entry durably (0: unknown)
   */
  public static Replayed replay(
      ReplicationLog replicationLog, Storage storage, CommandApplier applier, long checkpointLsn)
      throws IOException, ApplyException {
    try {
      // A transaction block that was running schema changes when the node died is undone first;
      // if its entry is in the log, replay then applies all of it.
      SchemaUndo.recoverAll(storage);
    } catch (java.sql.SQLException e) {
      throw new ApplyException(0, "undoing an unfinished transaction block: " + e.getMessage(), e);
    }
    checkStorageNotAhead(replicationLog, storage);
    long read = 0;
    long epoch = 0;
    long from = replayFrom(replicationLog, checkpointLsn);
    try (LogCursor cursor = replicationLog.read(from)) {
      for (LogEntry e = cursor.next(); e != null; e = cursor.next()) {
        epoch = Math.max(epoch, applier.applyEntry(e.lsn(), e.payload()));
        if (++read % COMMIT_EVERY == 0) {
          applier.commitPending();
        }
      }
      applier.commitPending();
    }
    log.atInfo()
        .addKeyValue("fromLsn", from)
        .addKeyValue("entries", read)
        .addKeyValue("lastLsn", replicationLog.lastLsn())
        .log("log replayed");
    return new Replayed(read, Math.max(epoch, lastEpoch(replicationLog, from)));
  }

  /**
   * The epoch of the log's last entry, when replay started after it: epochs only grow along a log,
   * and the node must not forget one that only its log records.
   */
  private static long lastEpoch(ReplicationLog replicationLog, long from) throws IOException {
    long last = replicationLog.lastLsn();
    if (from <= last || last < replicationLog.firstLsn()) {
      return 0; // replayed, or nothing to read
    }
    try (LogCursor cursor = replicationLog.read(last)) {
      LogEntry e = cursor.next();
      return e == null ? 0 : CommandCodec.epochOf(e.payload());
    }
  }

  /** The checkpoint bounded by what the log holds: it may have been reset or truncated since. */
  private static long replayFrom(ReplicationLog replicationLog, long checkpointLsn) {
    long from = Math.min(checkpointLsn + 1, replicationLog.lastLsn() + 1);
    return Math.max(from, replicationLog.firstLsn());
  }

  /**
   * Storage ahead of the log means writes exist that the log (and so every replica) lacks; new
   * entries would reuse their LSNs and replicas would silently diverge, so the node must not start.
   */
  private static void checkStorageNotAhead(ReplicationLog replicationLog, Storage storage) {
    long last = replicationLog.lastLsn();
    for (String name : storage.names()) {
      long applied = storage.appliedLsn(new DatabaseName(name));
      if (applied > last) {
        throw new IllegalStateException(
            "database "
                + name
                + " has applied log entry "
                + applied
                + " but the log ends at "
                + last
                + "; the log was lost or replaced. Restore the data"
                + " directory from a replica instead of starting on it.");
      }
    }
  }
}
