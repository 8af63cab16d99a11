package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator last saw of one node (pod). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeMemberStatus {

  /** The pod's name. */
  @JsonPropertyDescription("The pod's name.")
  private String pod;

  /** The role the node reported in /status (master or slave), or the intended one before that. */
  @JsonPropertyDescription("The role the node reported (master or slave).")
  private String role;

  /** The node's state from /status, or unreachable. */
  @JsonPropertyDescription(
      "The node's state from /status (starting, catching-up, ready, failed) or unreachable.")
  private String state;

  /** Whether the pod is Ready. */
  @JsonPropertyDescription("Whether the pod is Ready.")
  private Boolean ready;

  /** The last LSN the node has durably. */
  @JsonPropertyDescription("The last LSN the node has in its log durably.")
  private Long durableLsn;

  /** The last LSN the node has applied to storage. */
  @JsonPropertyDescription("The last LSN the node has applied to its storage.")
  private Long appliedLsn;

  /** Entries the node is behind its master (slaves only). */
  @JsonPropertyDescription("Entries the node is behind its master (slaves only).")
  private Long lag;

  /** Consecutive failed polls of /status. */
  @JsonPropertyDescription("Consecutive failed polls of the node's /status.")
  private Integer consecutiveFailures;

  /** Container restarts the kubelet reports. */
  @JsonPropertyDescription("Container restarts the kubelet reports.")
  private Integer restarts;

  /** The health class the operator assigned (Healthy, CrashLoop, NodeLost, ...). */
  @JsonPropertyDescription("The health class the operator assigned (Healthy, CrashLoop, ...).")
  private String health;

  /** When the operator last replaced this slave. */
  @JsonPropertyDescription("When the operator last replaced this slave (RFC 3339).")
  private String lastRescheduleTime;

  /** Why the operator last replaced this slave. */
  @JsonPropertyDescription("Why the operator last replaced this slave.")
  private String lastRescheduleReason;

  public String getPod() {
    return pod;
  }

  public void setPod(String pod) {
    this.pod = pod;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public Boolean getReady() {
    return ready;
  }

  public void setReady(Boolean ready) {
    this.ready = ready;
  }

  public Long getDurableLsn() {
    return durableLsn;
  }

  public void setDurableLsn(Long durableLsn) {
    this.durableLsn = durableLsn;
  }

  public Long getAppliedLsn() {
    return appliedLsn;
  }

  public void setAppliedLsn(Long appliedLsn) {
    this.appliedLsn = appliedLsn;
  }

  public Long getLag() {
    return lag;
  }

  public void setLag(Long lag) {
    this.lag = lag;
  }

  public Integer getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public void setConsecutiveFailures(Integer consecutiveFailures) {
    this.consecutiveFailures = consecutiveFailures;
  }

  public Integer getRestarts() {
    return restarts;
  }

  public void setRestarts(Integer restarts) {
    this.restarts = restarts;
  }

  public String getHealth() {
    return health;
  }

  public void setHealth(String health) {
    this.health = health;
  }

  public String getLastRescheduleTime() {
    return lastRescheduleTime;
  }

  public void setLastRescheduleTime(String lastRescheduleTime) {
    this.lastRescheduleTime = lastRescheduleTime;
  }

  public String getLastRescheduleReason() {
    return lastRescheduleReason;
  }

  public void setLastRescheduleReason(String lastRescheduleReason) {
    this.lastRescheduleReason = lastRescheduleReason;
  }
}
