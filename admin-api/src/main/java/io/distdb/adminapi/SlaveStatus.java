package io.distdb.adminapi;

/**
 * What the master knows about one slave, in {@link MasterReplicationStatus#slaves()}.
 *
 * @param nodeId the slave's node id
 * @param address where the slave serves clients, as it advertised itself
 * @param state {@code streaming}, {@code catching-up}, {@code snapshot} or {@code disconnected}
 * @param durableLsn the last LSN the slave has in its log durably
 * @param appliedLsn the last LSN the slave has applied to its storage
 * @param lagEntries master's last LSN minus the slave's durable LSN
 * @param lagBytes estimated bytes of log the slave still lacks
 * @param lastHeartbeatAgoMillis milliseconds since the slave last acknowledged anything
 */
public record SlaveStatus(
    String nodeId,
    String address,
    String state,
    long durableLsn,
    long appliedLsn,
    long lagEntries,
    long lagBytes,
    long lastHeartbeatAgoMillis) {}
