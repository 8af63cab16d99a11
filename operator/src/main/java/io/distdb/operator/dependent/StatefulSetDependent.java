package io.distdb.operator.dependent;

import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.ExistingStorage;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;

/**
 * The master's StatefulSet: exactly one pod, its volume from the claim template. A StatefulSet
 * brings the master back on the same volume after any failure, which is all the master needs until
 * failover exists. Slaves are not in it (see {@link SlaveSetPlanner}).
 */
public final class StatefulSetDependent {

  private StatefulSetDependent() {}

  /**
   * The desired StatefulSet.
   *
   * @param image the image the master runs: the new one only once every slave has rolled
   */
  public static StatefulSet desired(ResolvedSpec spec, String image) {
    ResourceNames names = spec.names();
    String db = names.database();
    Map<String, String> podLabels = Labels.pod(db, Labels.MASTER);
    String retention = spec.deleteClaimsOnDelete() ? "Delete" : "Retain";
    return new StatefulSetBuilder()
        .withMetadata(Owners.metadata(spec, names.masterStatefulSet()))
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(names.headlessService())
        .withPodManagementPolicy("Parallel")
        .withNewSelector()
        .withMatchLabels(Labels.setSelector(db, Labels.MASTER))
        .endSelector()
        .withNewPersistentVolumeClaimRetentionPolicy()
        .withWhenDeleted(retention)
        .withWhenScaled("Retain")
        .endPersistentVolumeClaimRetentionPolicy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(podLabels)
        .withAnnotations(Map.of(Labels.SPEC_HASH_ANNOTATION, podHash(spec, image)))
        .endMetadata()
        .withSpec(NodePodSpecFactory.podSpec(spec, Labels.MASTER, image))
        .endTemplate()
        .withVolumeClaimTemplates(claimTemplate(spec))
        .endSpec()
        .build();
  }

  /** The hash of the master pod made for {@code image}. */
  public static String podHash(ResolvedSpec spec, String image) {
    return NodePodSpecFactory.hash(
        NodePodSpecFactory.podSpec(spec, Labels.MASTER, image), ConfigMapDependent.data(spec));
  }

  /** The image the existing StatefulSet's pod template runs, null if there is none. */
  public static String currentImage(StatefulSet sts) {
    if (sts == null) {
      return null;
    }
    return sts.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(NodePodSpecFactory.CONTAINER))
        .map(c -> c.getImage())
        .findFirst()
        .orElse(null);
  }

  /** The storage an existing StatefulSet was created with, null if there is none. */
  public static ExistingStorage existingStorage(StatefulSet sts) {
    if (sts == null || sts.getSpec().getVolumeClaimTemplates().isEmpty()) {
      return null;
    }
    PersistentVolumeClaim claim = sts.getSpec().getVolumeClaimTemplates().get(0);
    Quantity size = claim.getSpec().getResources().getRequests().get("storage");
    return new ExistingStorage(claim.getSpec().getStorageClassName(), size.toString());
  }

  private static PersistentVolumeClaim claimTemplate(ResolvedSpec spec) {
    PersistentVolumeClaim claim = ClaimFactory.claim(spec, ResourceNames.DATA_VOLUME);
    claim.getMetadata().setNamespace(null);
    claim.getMetadata().setLabels(Labels.common(spec.names().database()));
    return claim;
  }
}
