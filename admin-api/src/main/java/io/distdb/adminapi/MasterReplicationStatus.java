package io.distdb.adminapi;

import java.util.List;

/**
 * The master's replication state, in {@link NodeStatus#master()}.
 *
 * @param mode {@code async} or {@code sync}
 * @param minSyncAcks slaves that must have a write durably before it is acknowledged (sync mode)
 * @param ackTimeoutMillis how long a commit waits for them
 * @param onAckTimeout {@code fail} or {@code degrade}
 * @param degraded true while sync mode has degraded to async after an ack timeout
 * @param ackTimeouts commits that hit the ack timeout since start
 * @param logRetentionBytes the log budget: beyond it a lagging slave is cut off (snapshot needed)
 * @param logRetentionMillis the log age limit, with the same effect
 * @param slaves every slave that has registered since start
 */
public record MasterReplicationStatus(
    String mode,
    int minSyncAcks,
    long ackTimeoutMillis,
    String onAckTimeout,
    boolean degraded,
    long ackTimeouts,
    long logRetentionBytes,
    long logRetentionMillis,
    List<SlaveStatus> slaves) {}
