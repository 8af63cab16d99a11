package io.distdb.operator.dependent;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/** The owner reference that makes an object go away with its DistributedDatabase. */
final class Owners {

  private Owners() {}

  static List<OwnerReference> of(DistributedDatabase ddb) {
    return List.of(
        new OwnerReferenceBuilder()
            .withApiVersion(ddb.getApiVersion())
            .withKind(ddb.getKind())
            .withName(ddb.getMetadata().getName())
            .withUid(ddb.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build());
  }
}
