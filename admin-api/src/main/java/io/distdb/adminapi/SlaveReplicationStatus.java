package io.distdb.adminapi;

/**
 * A slave's view of its replication, in {@link NodeStatus#slave()}.
 *
 * @param master the master's replication address this slave follows
 * @param state {@code connecting}, {@code streaming}, {@code snapshot} or {@code disconnected}
 * @param masterLastLsn the master's last LSN as last heard
 * @param lagEntries masterLastLsn minus this node's applied LSN
 * @param lastMessageAgoMillis milliseconds since anything arrived from the master
 * @param lastError the last reason a connection was refused or failed, null if none
 */
public record SlaveReplicationStatus(
    String master,
    String state,
    long masterLastLsn,
    long lagEntries,
    long lastMessageAgoMillis,
    String lastError) {}
