package io.distdb.adminapi;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@link NodeStatus#role()} as a type. */
public enum NodeRole {
  MASTER("master"),
  SLAVE("slave");

  private final String value;

  NodeRole(String value) {
    this.value = value;
  }

  /** The spelling in the JSON document and in {@code DISTDB_ROLE}. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The role spelled {@code value}, null if it is none (an older or newer node). */
  public static NodeRole of(String value) {
    for (NodeRole r : values()) {
      if (r.value.equals(value)) {
        return r;
      }
    }
    return null;
  }
}
