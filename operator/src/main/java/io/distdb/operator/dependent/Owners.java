package io.distdb.operator.dependent;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/** The owner reference that makes an object go away with its DistributedDatabase. */
final class Owners {

  private Owners() {}

  /** Metadata of an object {@code name} owned by the database: its namespace, labels, owner. */
  static ObjectMeta metadata(ResolvedSpec spec, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(spec.names().namespace())
        .withLabels(Labels.common(spec.names().database()))
        .withOwnerReferences(of(spec.ddb()))
        .build();
  }

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
