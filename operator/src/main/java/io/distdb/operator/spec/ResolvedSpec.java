package io.distdb.operator.spec;

import io.distdb.operator.api.v1alpha1.AckTimeoutAction;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.ReplicationMode;
import io.distdb.operator.naming.ResourceNames;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * A valid spec with every default filled in: what the dependents build from. Only {@link
 * SpecValidator} makes one, so a dependent never sees a null or out-of-range value.
 *
 * @param ddb the custom resource (owner of what is built)
 * @param names the names of its objects
 * @param slaves desired slave count
 * @param image the db-node image
 * @param storageSize each volume's size
 * @param storageClassName the volumes' storage class, null for the cluster default
 * @param deleteClaimsOnDelete whether volumes go with the database
 * @param resources container resources, null for none
 * @param mode replication mode
 * @param minSyncAcks acks a sync commit needs
 * @param ackTimeoutMillis how long a commit waits for them
 * @param onAckTimeout what happens then
 * @param periodSeconds health poll period
 * @param timeoutSeconds health poll timeout
 * @param failureThreshold failed polls before a node counts as unreachable
 * @param credentialsSecret the SQL credentials Secret's name
 */
public record ResolvedSpec(
    DistributedDatabase ddb,
    ResourceNames names,
    int slaves,
    String image,
    String storageSize,
    String storageClassName,
    boolean deleteClaimsOnDelete,
    ResourceRequirements resources,
    ReplicationMode mode,
    int minSyncAcks,
    long ackTimeoutMillis,
    AckTimeoutAction onAckTimeout,
    int periodSeconds,
    int timeoutSeconds,
    int failureThreshold,
    String credentialsSecret) {

  /** True in the modes where a commit waits for slaves. */
  public boolean waitsForSlaves() {
    return mode != ReplicationMode.ASYNC;
  }
}
