package io.distdb.operator.e2e;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the StatefulSet controller for 1-replica sets (the master's): pod {@code NAME-0} from the
 * template, with a claim per volumeClaimTemplate ({@code TEMPLATE-NAME-0}) created if missing and
 * mounted as the template's volume, recreated whenever the pod is gone.
 */
final class StatefulSetController {

  private final KubernetesClient client;
  private final String namespace;

  StatefulSetController(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  void tick() {
    for (StatefulSet sts : client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
      String pod = sts.getMetadata().getName() + "-0";
      if (client.pods().inNamespace(namespace).withName(pod).get() != null) {
        continue;
      }
      var template = sts.getSpec().getTemplate();
      List<Volume> volumes = new ArrayList<>(template.getSpec().getVolumes());
      for (PersistentVolumeClaim t : sts.getSpec().getVolumeClaimTemplates()) {
        String claim = t.getMetadata().getName() + "-" + pod;
        if (client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get() == null) {
          client
              .resource(
                  new PersistentVolumeClaimBuilder(t)
                      .editMetadata()
                      .withName(claim)
                      .withNamespace(namespace)
                      .withLabels(template.getMetadata().getLabels())
                      .endMetadata()
                      .build())
              .create();
        }
        volumes.add(
            new VolumeBuilder()
                .withName(t.getMetadata().getName())
                .withNewPersistentVolumeClaim()
                .withClaimName(claim)
                .endPersistentVolumeClaim()
                .build());
      }
      var spec = new io.fabric8.kubernetes.api.model.PodSpecBuilder(template.getSpec()).build();
      spec.setVolumes(volumes);
      Pod created =
          new PodBuilder()
              .withNewMetadata()
              .withName(pod)
              .withNamespace(namespace)
              .withLabels(template.getMetadata().getLabels())
              .withAnnotations(template.getMetadata().getAnnotations())
              .endMetadata()
              .withSpec(spec)
              .build();
      client.resource(created).create();
    }
  }
}
