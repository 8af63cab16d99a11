package io.distdb.operator.reconciler;

import io.distdb.adminapi.NodeRole;
import io.distdb.operator.health.NodeObservation;
import io.distdb.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Keeps each pod's {@code distdb.io/role} label equal to the role the node REPORTS, so the rw and
 * ro Services follow the real master (a future failover only relabels). A pod whose node has not
 * been reached keeps the label it was created with.
 */
final class RoleLabeler {

  private final KubernetesClient client;

  RoleLabeler(KubernetesClient client) {
    this.client = client;
  }

  /** Relabels the pods whose observed role differs; returns how many it changed. */
  int relabel(List<Pod> pods, Map<String, NodeObservation> observations) {
    int changed = 0;
    for (Pod pod : pods) {
      NodeObservation o = observations.get(pod.getMetadata().getName());
      if (o == null || !o.reachable()) {
        continue;
      }
      NodeRole role = NodeRole.of(o.status().role());
      if (role == null) {
        continue;
      }
      String observed = role.value();
      if (!observed.equals(pod.getMetadata().getLabels().get(Labels.ROLE))) {
        client
            .pods()
            .resource(pod)
            .edit(
                p -> {
                  p.getMetadata().getLabels().put(Labels.ROLE, observed);
                  return p;
                });
        changed++;
      }
    }
    return changed;
  }
}
