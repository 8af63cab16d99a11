package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a sync commit does when its acks do not arrive in time (db-node's ON_ACK_TIMEOUT). */
public enum AckTimeoutAction {
  /** The commit fails with SQLSTATE 40003. */
  @JsonProperty("fail")
  FAIL("fail"),
  /** The master degrades to async until slaves catch up. */
  @JsonProperty("degrade")
  DEGRADE("degrade");

  private final String value;

  AckTimeoutAction(String value) {
    this.value = value;
  }

  /** The spelling db-node and the CRD use. */
  public String value() {
    return value;
  }
}
