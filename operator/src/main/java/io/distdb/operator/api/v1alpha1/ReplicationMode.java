package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a write is acknowledged to the client (db-node's {@code DISTDB_SYNC_MODE}). */
public enum ReplicationMode {
  /** Once the master has it durably. */
  @JsonProperty("async")
  ASYNC("async"),
  /** Once {@code minSyncAcks} slaves also have it durably. */
  @JsonProperty("sync")
  SYNC("sync"),
  /** Once {@code minSyncAcks} slaves have applied it, so reads on them see it. */
  @JsonProperty("remote-apply")
  REMOTE_APPLY("remote-apply");

  private final String value;

  ReplicationMode(String value) {
    this.value = value;
  }

  /** The spelling db-node and the CRD use. */
  public String value() {
    return value;
  }
}
