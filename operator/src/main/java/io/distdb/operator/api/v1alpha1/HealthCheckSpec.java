package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How the operator polls each node's {@code /status}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealthCheckSpec {

  /** Seconds between two polls of a node. */
  @JsonPropertyDescription("Seconds between two polls of a node's /status.")
  @Min(1)
  @Max(3600)
  @Default("5")
  private Integer periodSeconds = 5;

  /** Seconds one poll may take. */
  @JsonPropertyDescription("Seconds one poll may take before it counts as failed.")
  @Min(1)
  @Max(60)
  @Default("2")
  private Integer timeoutSeconds = 2;

  /** Consecutive failed polls before the node counts as unreachable. */
  @JsonPropertyDescription("Consecutive failed polls before a node counts as unreachable.")
  @Min(1)
  @Max(100)
  @Default("3")
  private Integer failureThreshold = 3;

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }
}
