package io.distdb.operator.dependent;

import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/** A node's data volume claim: one writer, the spec's size and storage class. */
final class ClaimFactory {

  private ClaimFactory() {}

  static PersistentVolumeClaim claim(ResolvedSpec spec, String name) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(spec.names().namespace())
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withStorageClassName(spec.storageClassName())
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity(spec.storageSize())))
        .endResources()
        .endSpec()
        .build();
  }
}
