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
 * Crash recovery: applies every retained log entry that storage does not hold yet. Entries storage
 * already has are skipped by the applier, so replaying twice is harmless.
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

  public static Replayed replay(
      ReplicationLog replicationLog, Storage storage, CommandApplier applier)
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
    try (LogCursor cursor = replicationLog.read(replicationLog.firstLsn())) {
      for (LogEntry e = cursor.next(); e != null; e = cursor.next()) {
        epoch = Math.max(epoch, applier.applyEntry(e.lsn(), e.payload()));
        if (++read % COMMIT_EVERY == 0) {
          applier.commitPending();
        }
      }
      applier.commitPending();
    }
    log.atInfo()
        .addKeyValue("entries", read)
        .addKeyValue("lastLsn", replicationLog.lastLsn())
        .log("log replayed");
    return new Replayed(read, epoch);
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
