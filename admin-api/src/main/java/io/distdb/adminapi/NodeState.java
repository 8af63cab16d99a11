package io.distdb.adminapi;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@link NodeStatus#state()} as a type. */
public enum NodeState {
  STARTING("starting"),
  /** A slave that has not yet applied what its master had; not ready. */
  CATCHING_UP("catching-up"),
  READY("ready"),
  FAILED("failed");

  private final String value;

  NodeState(String value) {
    this.value = value;
  }

  /** The spelling in the JSON document. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The state spelled {@code value}, null if it is none (an older or newer node). */
  public static NodeState of(String value) {
    for (NodeState s : values()) {
      if (s.value.equals(value)) {
        return s;
      }
    }
    return null;
  }
}
