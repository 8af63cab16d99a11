package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed; written only by {@code status.StatusWriter}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DistributedDatabaseStatus {

  /** One word summary. */
  @JsonPropertyDescription("Pending, Running, Degraded or Invalid; the conditions say why.")
  private Phase phase;

  /** The spec generation this status describes. */
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  /** Ready, Replicating, Degraded and Progressing. */
  @JsonPropertyDescription("Conditions Ready, Replicating, Degraded and Progressing.")
  private List<Condition> conditions = new ArrayList<>();

  /** One entry per pod. */
  @JsonPropertyDescription("What the operator last saw of each node.")
  private List<NodeMemberStatus> nodes = new ArrayList<>();

  /** The replication epoch the master reports. */
  @JsonPropertyDescription("The replication epoch (term) the master reports.")
  private Long epoch;

  /** The pod that currently is the master. */
  @JsonPropertyDescription("The pod that currently serves as master.")
  private String currentMaster;

  /** The pod that should be the master (differs from currentMaster only during a failover). */
  @JsonPropertyDescription(
      "The pod that should be master; differs from currentMaster only while a failover runs.")
  private String targetMaster;

  /** Slaves that are ready; the scale subresource's status replicas. */
  @JsonPropertyDescription("Slaves that are ready and caught up.")
  @StatusReplicas
  private Integer readySlaves;

  /** Ready slaves over desired slaves, e.g. 2/2. */
  @JsonPropertyDescription("Ready slaves over desired slaves, e.g. 2/2.")
  private String readyText;

  /** The largest lag of any slave, in log entries. */
  @JsonPropertyDescription("The largest lag of any slave, in log entries.")
  private Long maxLag;

  /** Label selector of the slave pods, for the scale subresource. */
  @JsonPropertyDescription("Label selector of the slave pods (scale subresource).")
  @LabelSelector
  private String selector;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<NodeMemberStatus> getNodes() {
    return nodes;
  }

  public void setNodes(List<NodeMemberStatus> nodes) {
    this.nodes = nodes;
  }

  public Long getEpoch() {
    return epoch;
  }

  public void setEpoch(Long epoch) {
    this.epoch = epoch;
  }

  public String getCurrentMaster() {
    return currentMaster;
  }

  public void setCurrentMaster(String currentMaster) {
    this.currentMaster = currentMaster;
  }

  public String getTargetMaster() {
    return targetMaster;
  }

  public void setTargetMaster(String targetMaster) {
    this.targetMaster = targetMaster;
  }

  public Integer getReadySlaves() {
    return readySlaves;
  }

  public void setReadySlaves(Integer readySlaves) {
    this.readySlaves = readySlaves;
  }

  public String getReadyText() {
    return readyText;
  }

  public void setReadyText(String readyText) {
    this.readyText = readyText;
  }

  public Long getMaxLag() {
    return maxLag;
  }

  public void setMaxLag(Long maxLag) {
    this.maxLag = maxLag;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }
}
