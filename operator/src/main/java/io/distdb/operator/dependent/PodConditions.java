package io.distdb.operator.dependent;

import io.fabric8.kubernetes.api.model.Pod;

/** Reads what the kubelet reports about a pod. */
public final class PodConditions {

  private PodConditions() {}

  /** True if the pod's Ready condition is True. */
  public static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Restarts of the db-node container, 0 if unknown. */
  public static int restarts(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> NodePodSpecFactory.CONTAINER.equals(s.getName()))
        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
        .sum();
  }
}
