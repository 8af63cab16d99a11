package io.distdb.node.replication;

import io.distdb.node.log.ReplicationLog;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes log segments nobody needs any more: storage has the entries on disk (a {@link
 * Checkpointer} made it so) and every slave has them durably. A slave that falls behind by more
 * than the byte budget, or whose oldest needed entries are older than the age limit, stops holding
 * the log back; if it returns it gets a snapshot.
 */
public final class LogRetention {

  private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

  private final ReplicationLog replicationLog;
  private final LongSupplier replicaFloor;
  private final long budgetBytes;
  private final java.time.Duration maxAge;

  /**
   * @param replicaFloor the lowest LSN a slave still needs minus one (Long.MAX_VALUE: none)
   */
  public LogRetention(
      ReplicationLog replicationLog,
      LongSupplier replicaFloor,
      long budgetBytes,
      java.time.Duration maxAge) {
    this.replicationLog = replicationLog;
    this.replicaFloor = replicaFloor;
    this.budgetBytes = budgetBytes;
    this.maxAge = maxAge;
  }

  /**
   * One retention pass; returns the first LSN the log keeps afterwards.
   *
   * @param checkpointed an LSN up to which storage holds every entry durably
   */
  public long runOnce(long checkpointed) throws Exception {
    if (replicationLog.segmentCount() <= 1) {
      // Only whole sealed segments are ever deleted.
      return replicationLog.firstLsn();
    }
    long keepFrom = checkpointed + 1;
    long floor = replicaFloor.getAsLong();
    boolean withinBudget =
        replicationLog.sizeBytes() <= budgetBytes
            && replicationLog
                .oldestSegmentWrittenAt()
                .plus(maxAge)
                .isAfter(java.time.Instant.now());
    if (floor != Long.MAX_VALUE && withinBudget) {
      keepFrom = Math.min(keepFrom, floor + 1);
    }
    long before = replicationLog.firstLsn();
    if (keepFrom > before) {
      replicationLog.truncateBefore(keepFrom);
      if (replicationLog.firstLsn() != before) {
        log.atDebug()
            .addKeyValue("firstLsn", replicationLog.firstLsn())
            .addKeyValue("bytes", replicationLog.sizeBytes())
            .log("log segments removed");
      }
    }
    return replicationLog.firstLsn();
  }
}
