package io.distdb.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

/** What the user asks for. {@code SpecValidator} re-checks every rule the schema states. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.replication) || !has(self.replication.mode)"
            + " || self.replication.mode == 'async' || !has(self.replication.minSyncAcks)"
            + " || self.replication.minSyncAcks <= self.slaves",
    message = "spec.replication.minSyncAcks must not exceed spec.slaves in sync modes")
public class DistributedDatabaseSpec {

  /** Largest accepted {@link #slaves}; more would not fit the per-hour reschedule budget. */
  public static final int MAX_SLAVES = 16;

  /** Image reference: registry/repository[:tag][@digest], no whitespace. */
  public static final String IMAGE_PATTERN = "^[a-z0-9][a-z0-9._/:@-]*$";

  /** A Kubernetes object name (RFC 1123 subdomain, short form). */
  public static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** Number of slave pods next to the master; the scale subresource's replicas. */
  @JsonPropertyDescription(
      "Number of slave pods next to the master (0-16); kubectl scale ddb NAME --replicas N sets it.")
  @Min(0)
  @Max(MAX_SLAVES)
  @Default("2")
  @SpecReplicas
  private Integer slaves = 2;

  /** The db-node image; the operator's own version when absent. */
  @JsonPropertyDescription("The db-node image; defaults to the operator's own db-node version.")
  @Pattern(IMAGE_PATTERN)
  private String image;

  /** Each node's persistent volume. */
  @JsonPropertyDescription("Each node's persistent volume.")
  @Required
  private StorageSpec storage = new StorageSpec();

  /** CPU and memory of every db-node container. */
  @JsonPropertyDescription("CPU and memory requests and limits of every db-node container.")
  private ResourceRequirements resources;

  /** How writes are replicated and acknowledged. */
  @JsonPropertyDescription("How writes are replicated to slaves and when they are acknowledged.")
  private ReplicationSpec replication = new ReplicationSpec();

  /** How the operator polls each node's admin API. */
  @JsonPropertyDescription("How often and how patiently the operator polls each node's /status.")
  private HealthCheckSpec healthCheck = new HealthCheckSpec();

  /** Secret with keys {@code username} and {@code password}; generated when absent. */
  @JsonPropertyDescription(
      "Name of a Secret with keys username and password for SQL clients; generated when it does not"
          + " exist (default NAME-credentials). Its values are never logged.")
  @Pattern(NAME_PATTERN)
  private String credentialsSecret;

  public Integer getSlaves() {
    return slaves;
  }

  public void setSlaves(Integer slaves) {
    this.slaves = slaves;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public StorageSpec getStorage() {
    return storage;
  }

  public void setStorage(StorageSpec storage) {
    this.storage = storage;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public ReplicationSpec getReplication() {
    return replication;
  }

  public void setReplication(ReplicationSpec replication) {
    this.replication = replication;
  }

  public HealthCheckSpec getHealthCheck() {
    return healthCheck;
  }

  public void setHealthCheck(HealthCheckSpec healthCheck) {
    this.healthCheck = healthCheck;
  }

  public String getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }
}
