package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** How writes reach the slaves and when the client hears they are done. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicationSpec {

  /** A duration in milliseconds, seconds or minutes: 500ms, 5s, 1m. */
  public static final String DURATION_PATTERN = "^[0-9]+(ms|s|m)$";

  /** When a write is acknowledged. */
  @JsonPropertyDescription(
      "async: once the master has it; sync: once minSyncAcks slaves have it durably; remote-apply:"
          + " once minSyncAcks slaves have applied it.")
  @Default("async")
  private ReplicationMode mode = ReplicationMode.ASYNC;

  /** Slaves that must confirm a write in sync and remote-apply modes. */
  @JsonPropertyDescription(
      "Slaves that must confirm a write in sync and remote-apply modes; at most spec.slaves.")
  @Min(0)
  @Default("1")
  private Integer minSyncAcks = 1;

  /** How long a commit waits for its acks. */
  @JsonPropertyDescription("How long a sync commit waits for its acks, e.g. 5s or 500ms.")
  @Pattern(DURATION_PATTERN)
  @Default("5s")
  private String ackTimeout = "5s";

  /** What happens when the acks do not arrive in time. */
  @JsonPropertyDescription(
      "fail: the commit fails (SQLSTATE 40003); degrade: the master continues as async.")
  @Default("fail")
  private AckTimeoutAction onAckTimeout = AckTimeoutAction.FAIL;

  public ReplicationMode getMode() {
    return mode;
  }

  public void setMode(ReplicationMode mode) {
    this.mode = mode;
  }

  public Integer getMinSyncAcks() {
    return minSyncAcks;
  }

  public void setMinSyncAcks(Integer minSyncAcks) {
    this.minSyncAcks = minSyncAcks;
  }

  public String getAckTimeout() {
    return ackTimeout;
  }

  public void setAckTimeout(String ackTimeout) {
    this.ackTimeout = ackTimeout;
  }

  public AckTimeoutAction getOnAckTimeout() {
    return onAckTimeout;
  }

  public void setOnAckTimeout(AckTimeoutAction onAckTimeout) {
    this.onAckTimeout = onAckTimeout;
  }
}
