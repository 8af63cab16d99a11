package io.distdb.operator.dependent;

import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The slave pods and their claims, owned by the database directly (not by a StatefulSet, which
 * cannot remove one chosen slave nor move one away from a lost node or volume). Pure: from what
 * exists it plans what to create and delete.
 *
 * <ul>
 *   <li>A slave is identified by its ordinal (pod {@code NAME-slave-N}, claim {@code
 *       NAME-slave-N-data}); a pod is missing while its claim exists during a roll or a reschedule,
 *       and is then recreated on the same claim.
 *   <li>Scaling up adds the lowest free ordinals; scaling down removes the highest, newest ones
 *       with their claims.
 *   <li>A spec change (image, resources, settings) rolls one slave at a time, and only while every
 *       other slave is ready; the master follows once {@link SlavePlan#upToDate()}.
 *   <li>A claim being deleted (a lost volume) blocks its ordinal until it is gone, so the new pod
 *       never binds to the dying claim.
 * </ul>
 */
public final class SlaveSetPlanner {

  private SlaveSetPlanner() {}

  public static SlavePlan plan(
      ResolvedSpec spec, List<Pod> pods, List<PersistentVolumeClaim> claims) {
    ResourceNames names = spec.names();
    Map<Integer, Pod> podsByOrdinal = byOrdinal(pods);
    Map<Integer, PersistentVolumeClaim> claimsByOrdinal = byOrdinal(claims);
    TreeSet<Integer> existing = new TreeSet<>(podsByOrdinal.keySet());
    existing.addAll(claimsByOrdinal.keySet());

    List<String> podsToDelete = new ArrayList<>();
    List<String> claimsToDelete = new ArrayList<>();
    while (existing.size() > spec.slaves()) {
      int newest = existing.pollLast();
      if (podsByOrdinal.containsKey(newest)) {
        podsToDelete.add(names.slavePod(newest));
      }
      if (claimsByOrdinal.containsKey(newest)) {
        claimsToDelete.add(names.slaveClaim(newest));
      }
    }
    TreeSet<Integer> wanted = new TreeSet<>(existing);
    for (int ordinal = 0; wanted.size() < spec.slaves(); ordinal++) {
      wanted.add(ordinal);
    }

    String hash = podHash(spec);
    List<PersistentVolumeClaim> claimsToCreate = new ArrayList<>();
    List<PersistentVolumeClaim> claimsToPatch = new ArrayList<>();
    List<Pod> podsToCreate = new ArrayList<>();
    boolean allReady = true;
    boolean allCurrent = true;
    Integer stale = null;
    for (int ordinal : wanted) {
      PersistentVolumeClaim existingClaim = claimsByOrdinal.get(ordinal);
      if (existingClaim != null && existingClaim.getMetadata().getDeletionTimestamp() != null) {
        // a lost volume being deleted: wait until it is gone, then make pod and claim afresh
        allReady = false;
        continue;
      }
      PersistentVolumeClaim claim = desiredClaim(spec, ordinal);
      Pod pod = podsByOrdinal.get(ordinal);
      if (claimsByOrdinal.containsKey(ordinal)) {
        claimsToPatch.add(claim);
      } else if (pod == null) {
        claimsToCreate.add(claim);
      } else {
        // a pod whose claim is gone lost its volume: the healer replaces the pod first, then both
        // are made afresh (a new claim under a running pod would never be the one it mounted)
        allReady = false;
        continue;
      }
      if (pod == null) {
        podsToCreate.add(desiredPod(spec, ordinal, hash));
        allReady = false;
        continue;
      }
      allReady &= PodConditions.isReady(pod) && pod.getMetadata().getDeletionTimestamp() == null;
      if (!hash.equals(annotation(pod))) {
        allCurrent = false;
        stale = stale == null ? ordinal : stale;
      }
    }
    String rolled = null;
    if (stale != null && allReady && podsToDelete.isEmpty() && podsToCreate.isEmpty()) {
      rolled = names.slavePod(stale);
      podsToDelete.add(rolled);
    }
    return new SlavePlan(
        claimsToCreate,
        podsToCreate,
        podsToDelete,
        claimsToDelete,
        claimsToPatch,
        rolled,
        allReady && allCurrent && podsToDelete.isEmpty());
  }

  /** The hash every up-to-date slave pod carries. */
  public static String podHash(ResolvedSpec spec) {
    return NodePodSpecFactory.hash(
        NodePodSpecFactory.podSpec(spec, Labels.SLAVE, spec.image()),
        ConfigMapDependent.data(spec));
  }

  /** The pod of slave {@code ordinal}. */
  public static Pod desiredPod(ResolvedSpec spec, int ordinal, String hash) {
    ResourceNames names = spec.names();
    PodSpec podSpec = NodePodSpecFactory.podSpec(spec, Labels.SLAVE, spec.image());
    podSpec.setHostname(names.slavePod(ordinal));
    podSpec.setSubdomain(names.headlessService());
    podSpec.setRestartPolicy("Always");
    podSpec
        .getVolumes()
        .add(
            new io.fabric8.kubernetes.api.model.VolumeBuilder()
                .withName(ResourceNames.DATA_VOLUME)
                .withNewPersistentVolumeClaim()
                .withClaimName(names.slaveClaim(ordinal))
                .endPersistentVolumeClaim()
                .build());
    return new PodBuilder()
        .withNewMetadata()
        .withName(names.slavePod(ordinal))
        .withNamespace(names.namespace())
        .withLabels(Labels.slave(names.database(), ordinal))
        .withAnnotations(Map.of(Labels.SPEC_HASH_ANNOTATION, hash))
        .withOwnerReferences(Owners.of(spec.ddb()))
        .endMetadata()
        .withSpec(podSpec)
        .build();
  }

  /**
   * The claim of slave {@code ordinal}: owned by the database (deleted with it) only when the spec
   * says so, otherwise kept.
   */
  public static PersistentVolumeClaim desiredClaim(ResolvedSpec spec, int ordinal) {
    PersistentVolumeClaim claim = ClaimFactory.claim(spec, spec.names().slaveClaim(ordinal));
    Map<String, String> labels = Labels.common(spec.names().database());
    labels.put(Labels.SET, Labels.SLAVE);
    labels.put(Labels.SLAVE_ORDINAL, Integer.toString(ordinal));
    claim.getMetadata().setLabels(labels);
    claim
        .getMetadata()
        .setOwnerReferences(spec.deleteClaimsOnDelete() ? Owners.of(spec.ddb()) : List.of());
    return claim;
  }

  private static String annotation(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Labels.SPEC_HASH_ANNOTATION);
  }

  private static <T extends HasMetadata> Map<Integer, T> byOrdinal(List<T> objects) {
    Map<Integer, T> map = new TreeMap<>();
    for (T o : objects) {
      Map<String, String> labels = o.getMetadata().getLabels();
      String ordinal = labels == null ? null : labels.get(Labels.SLAVE_ORDINAL);
      if (ordinal != null && ordinal.chars().allMatch(Character::isDigit)) {
        map.put(Integer.parseInt(ordinal), o);
      }
    }
    map.values().removeIf(Objects::isNull);
    return map;
  }
}
