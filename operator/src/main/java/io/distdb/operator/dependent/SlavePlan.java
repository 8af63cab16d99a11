package io.distdb.operator.dependent;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * What to do to the slave pods and claims in one reconcile, in this order: create claims, create
 * pods, delete pods, delete claims, patch claims (ownership).
 *
 * @param claimsToCreate claims of new slaves (and of slaves whose volume was lost)
 * @param podsToCreate pods missing for a wanted ordinal
 * @param podsToDelete pods of removed slaves, or the one slave being rolled
 * @param claimsToDelete claims of removed slaves
 * @param claimsToPatch existing claims with their desired metadata (owner references)
 * @param rolledPod the slave deleted to be recreated with the new spec, null if none
 * @param upToDate true when every wanted slave runs the desired spec and is ready: the master may
 *     roll now
 */
public record SlavePlan(
    List<PersistentVolumeClaim> claimsToCreate,
    List<Pod> podsToCreate,
    List<String> podsToDelete,
    List<String> claimsToDelete,
    List<PersistentVolumeClaim> claimsToPatch,
    String rolledPod,
    boolean upToDate) {

  /** True if the plan changes nothing. */
  public boolean isEmpty() {
    return claimsToCreate.isEmpty()
        && podsToCreate.isEmpty()
        && podsToDelete.isEmpty()
        && claimsToDelete.isEmpty();
  }
}
