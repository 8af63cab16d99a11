package io.distdb.adminapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The document {@code GET /status} returns. Field names are part of the API: add fields, never
 * rename or remove them.
 *
 * @param nodeId this node's id
 * @param role {@code master} or {@code slave}
 * @param state {@code starting}, {@code catching-up} (a slave that has not yet applied what its
 *     master had; not ready), {@code ready} or {@code failed}
 * @param failure why the node failed, null while it has not
 * @param databases the logical databases, sorted
 * @param lastLsn the last LSN in the node's log
 * @param durableLsn the last LSN the log has fsynced
 * @param appliedLsn the last LSN whose effects are in storage
 * @param firstRetainedLsn the oldest LSN still in the log
 * @param logBytes bytes the log occupies on disk
 * @param sessions open client sessions
 * @param uptimeSeconds seconds since the process started
 * @param clusterId the replication cluster this node belongs to
 * @param epoch the replication epoch (term) the node is in
 * @param master replication state on a master, null on a slave
 * @param slave replication state on a slave, null on a master
 * @param checkpointLsn the last checkpoint: storage held every entry up to it durably, and a
 *     restart replays only the log after it (0: none yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeStatus(
    String nodeId,
    String role,
    String state,
    String failure,
    List<String> databases,
    long lastLsn,
    long durableLsn,
    long appliedLsn,
    long firstRetainedLsn,
    long logBytes,
    int sessions,
    long uptimeSeconds,
    String clusterId,
    long epoch,
    MasterReplicationStatus master,
    SlaveReplicationStatus slave,
    long checkpointLsn) {}
