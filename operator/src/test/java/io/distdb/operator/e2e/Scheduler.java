package io.distdb.operator.e2e;

import io.distdb.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Plays the scheduler: binds each pending pod to an {@link Machines.State#UP} machine, preferring
 * the one with the fewest pods of the same database (the operator's preferred anti-affinity). A pod
 * whose claim does not exist is left Unschedulable, as the real scheduler leaves it.
 */
final class Scheduler {

  private final KubernetesClient client;
  private final String namespace;
  private final Machines machines;

  Scheduler(KubernetesClient client, String namespace, Machines machines) {
    this.client = client;
    this.namespace = namespace;
    this.machines = machines;
  }

  void tick(List<Pod> pods) {
    for (Pod pod : pods) {
      if (pod.getSpec().getNodeName() != null || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String name = pod.getMetadata().getName();
      String claim = Kubelet.claimName(pod);
      boolean claimMissing =
          claim != null
              && client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get()
                  == null;
      String machine = claimMissing ? null : pick(pod, pods);
      if (machine == null) {
        unschedulable(pod, claimMissing);
        continue;
      }
      client
          .pods()
          .inNamespace(namespace)
          .withName(name)
          .edit(
              p -> {
                p.getSpec().setNodeName(machine);
                return p;
              });
      pod.getSpec().setNodeName(machine); // the next pick in this round counts it
    }
  }

  private String pick(Pod pod, List<Pod> pods) {
    String cluster = pod.getMetadata().getLabels().get(Labels.CLUSTER);
    return machines.names().stream()
        .filter(m -> machines.state(m) == Machines.State.UP)
        .min(
            Comparator.comparingLong(
                m ->
                    pods.stream()
                        .filter(p -> m.equals(p.getSpec().getNodeName()))
                        .filter(
                            p ->
                                Objects.equals(
                                    cluster, p.getMetadata().getLabels().get(Labels.CLUSTER)))
                        .count()))
        .orElse(null);
  }

  private void unschedulable(Pod pod, boolean claimMissing) {
    String message =
        claimMissing ? "persistentvolumeclaim not found" : "0 nodes are available: not ready";
    boolean already =
        pod.getStatus() != null
            && pod.getStatus().getConditions().stream()
                .anyMatch(
                    c -> "PodScheduled".equals(c.getType()) && message.equals(c.getMessage()));
    if (already) {
      return;
    }
    client
        .pods()
        .inNamespace(namespace)
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              p.setStatus(
                  new PodStatusBuilder()
                      .withPhase("Pending")
                      .withConditions(
                          new PodConditionBuilder()
                              .withType("PodScheduled")
                              .withStatus("False")
                              .withReason("Unschedulable")
                              .withMessage(message)
                              .build())
                      .build());
              return p;
            });
  }
}
