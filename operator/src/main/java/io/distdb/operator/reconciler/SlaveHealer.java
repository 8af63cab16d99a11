package io.distdb.operator.reconciler;

import io.distdb.adminapi.NodeState;
import io.distdb.adminapi.NodeStatus;
import io.distdb.adminapi.SlaveStatus;
import io.distdb.operator.dependent.PodConditions;
import io.distdb.operator.health.HealingPolicy;
import io.distdb.operator.health.HealthClass;
import io.distdb.operator.health.NodeObservation;
import io.distdb.operator.health.RescheduleDecider;
import io.distdb.operator.health.RescheduleRecord;
import io.distdb.operator.health.RestartWindow;
import io.distdb.operator.health.SlaveClassifier;
import io.distdb.operator.health.SlaveFacts;
import io.distdb.operator.spec.ResolvedSpec;
import io.distdb.operator.status.EventRecorder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Gathers the witnesses for each slave, classifies it, and carries out what the database's {@link
 * RescheduleDecider} allows: delete the pod (forced when its node is lost) and, when the volume is
 * lost, its claim; the slave set recreates both on the next reconcile and the new slave re-seeds by
 * snapshot. The Kubernetes Node is read only for a pod that is not ready.
 */
final class SlaveHealer {

  /**
   * @param classes each slave's class by pod name
   * @param reschedules the last reschedule of each slave
   * @param hold why a slave that needs it was not rescheduled, null if none
   * @param givenUp the hold is a crash loop given up (the operator will not try again)
   */
  record Result(
      Map<String, HealthClass> classes,
      Map<String, RescheduleRecord> reschedules,
      String hold,
      boolean givenUp) {}

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Clock clock;

  private final HealingPolicy policy;
  private final SlaveClassifier classifier;
  private final Map<String, RestartWindow> restartWindows = new ConcurrentHashMap<>();
  private final Map<String, RescheduleDecider> deciders = new ConcurrentHashMap<>();
  private final Map<String, Map<String, RescheduleRecord>> history = new ConcurrentHashMap<>();

  /** Per database, the UID of each slave pod this process deleted ("" when restored). */
  private final Map<String, Map<String, String>> deletedUids = new ConcurrentHashMap<>();

  SlaveHealer(KubernetesClient client, EventRecorder events, Clock clock, HealingPolicy policy) {
    this.client = client;
    this.events = events;
    this.clock = clock;
    this.policy = policy;
    this.classifier = new SlaveClassifier(policy.thresholds());
  }

  Result heal(
      String key,
      ResolvedSpec spec,
      Pod master,
      List<Pod> slaves,
      Map<String, NodeObservation> observations) {
    NodeObservation masterObs =
        master == null ? null : observations.get(master.getMetadata().getName());
    NodeStatus masterStatus = masterObs == null ? null : masterObs.status();
    boolean anyReachable = observations.values().stream().anyMatch(NodeObservation::reachable);
    RestartWindow restarts =
        restartWindows.computeIfAbsent(key, k -> new RestartWindow(policy.crashLoopWindow()));
    restarts.retain(slaves.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet()));
    Map<String, HealthClass> classes = new LinkedHashMap<>();
    for (Pod pod : slaves) {
      String name = pod.getMetadata().getName();
      NodeObservation o = observations.get(name);
      classes.put(name, classifier.classify(facts(spec, pod, o, masterStatus, restarts)));
    }
    Map<String, RescheduleRecord> done =
        history.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    String hold = null;
    boolean givenUp = false;
    if (!observations.isEmpty()) {
      Map<String, String> deleted =
          deletedUids.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
      RescheduleDecider decider =
          deciders.computeIfAbsent(key, k -> restoredDecider(done, deleted));
      for (Pod pod : slaves) {
        String name = pod.getMetadata().getName();
        if (classes.get(name).operatorActs() && isReplacement(pod, deleted.get(name))) {
          decider.replacementFailed(name);
        }
      }
      RescheduleDecider.Decision decision = decider.decide(classes, anyReachable);
      decision.reschedule().ifPresent(r -> done.put(r.pod(), execute(spec, r, slaves, deleted)));
      if (decision.hold() != RescheduleDecider.Hold.NONE) {
        hold = "reschedule held: " + decision.hold();
      }
      givenUp = decision.hold() == RescheduleDecider.Hold.GAVE_UP;
    }
    done.keySet().retainAll(classes.keySet());
    return new Result(classes, Map.copyOf(done), hold, givenUp);
  }

  /** The reschedules the status records (they survive an operator restart). */
  private static Map<String, RescheduleRecord> recorded(ResolvedSpec spec) {
    Map<String, RescheduleRecord> recorded = new LinkedHashMap<>();
    var status = spec.ddb().getStatus();
    if (status != null && status.getNodes() != null) {
      for (var node : status.getNodes()) {
        if (node.getLastRescheduleTime() != null) {
          recorded.put(
              node.getPod(),
              new RescheduleRecord(node.getLastRescheduleTime(), node.getLastRescheduleReason()));
        }
      }
    }
    return recorded;
  }

  private RescheduleDecider restoredDecider(
      Map<String, RescheduleRecord> done, Map<String, String> deleted) {
    RescheduleDecider decider = new RescheduleDecider(policy.limits(), clock);
    done.forEach(
        (pod, r) -> {
          decider.restore(pod, Instant.parse(r.time()));
          deleted.put(pod, "");
        });
    return decider;
  }

  /**
   * Whether {@code pod} replaced the incarnation deleted by a reschedule: its UID differs (or, with
   * the UID unknown after an operator restart, it is not itself being deleted).
   */
  private static boolean isReplacement(Pod pod, String deletedUid) {
    if (deletedUid == null) {
      return false;
    }
    return deletedUid.isEmpty()
        ? pod.getMetadata().getDeletionTimestamp() == null
        : !deletedUid.equals(pod.getMetadata().getUid());
  }

  void forget(String key) {
    deciders.remove(key);
    deletedUids.remove(key);
    restartWindows.remove(key);
    history.remove(key);
  }

  private RescheduleRecord execute(
      ResolvedSpec spec,
      RescheduleDecider.Reschedule r,
      List<Pod> slaves,
      Map<String, String> deleted) {
    String ns = spec.names().namespace();
    var pod = client.pods().inNamespace(ns).withName(r.pod());
    Pod current =
        slaves.stream()
            .filter(p -> p.getMetadata().getName().equals(r.pod()))
            .findFirst()
            .orElse(null);
    if (current != null) {
      deleted.put(r.pod(), current.getMetadata().getUid());
    }
    String claim = current == null ? null : claimName(current);
    if (r.force()) {
      pod.withGracePeriod(0).delete();
    } else {
      pod.delete();
    }
    if (r.deleteClaim() && claim != null) {
      client.persistentVolumeClaims().inNamespace(ns).withName(claim).delete();
    }
    String reason = r.why().name() + (r.deleteClaim() ? " (volume recreated)" : "");
    events.warning(
        spec.ddb(), "Rescheduled", "rescheduled slave " + r.pod() + " because " + reason);
    return new RescheduleRecord(Instant.now(clock).toString(), reason);
  }

  private SlaveFacts facts(
      ResolvedSpec spec, Pod pod, NodeObservation o, NodeStatus master, RestartWindow restarts) {
    boolean ready = PodConditions.isReady(pod);
    NodeStatus s = o == null ? null : o.status();
    Boolean masterSees = null;
    if (master != null && master.master() != null) {
      masterSees =
          master.master().slaves().stream()
              .filter(sl -> pod.getMetadata().getName().equals(sl.nodeId()))
              .map(SlaveStatus::state)
              .anyMatch("streaming"::equals);
    }
    String claim = claimName(pod);
    boolean claimExists =
        claim == null
            || client
                    .persistentVolumeClaims()
                    .inNamespace(spec.names().namespace())
                    .withName(claim)
                    .get()
                != null;
    return new SlaveFacts(
        pod.getMetadata().getName(),
        true,
        ready,
        restarts.recent(pod.getMetadata().getUid(), PodConditions.restarts(pod), clock.instant()),
        unschedulable(pod),
        ready ? 0 : nodeNotReadyMillis(pod),
        claimExists,
        o != null && o.unreachable(spec.failureThreshold()),
        s != null
            && NodeState.of(s.state()) == NodeState.FAILED
            && s.failure() != null
            && (s.failure().contains("corrupt") || s.failure().contains("checksum")),
        masterSees,
        s != null && NodeState.of(s.state()) == NodeState.CATCHING_UP);
  }

  private static String claimName(Pod pod) {
    return pod.getSpec().getVolumes().stream()
        .filter(v -> v.getPersistentVolumeClaim() != null)
        .map(v -> v.getPersistentVolumeClaim().getClaimName())
        .findFirst()
        .orElse(null);
  }

  private static boolean unschedulable(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    "PodScheduled".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()));
  }

  private long nodeNotReadyMillis(Pod pod) {
    String nodeName = pod.getSpec().getNodeName();
    if (nodeName == null) {
      return 0;
    }
    Node node;
    try {
      node = client.nodes().withName(nodeName).get();
    } catch (KubernetesClientException e) {
      // namespace-scoped installs may not grant nodes/get: then Kubernetes' node view is no witness
      return 0;
    }
    if (node == null) {
      return Long.MAX_VALUE; // the node object is gone: lost
    }
    return node.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()) && !"True".equals(c.getStatus()))
        .map(c -> clock.millis() - Instant.parse(c.getLastTransitionTime()).toEpochMilli())
        .findFirst()
        .orElse(0L);
  }
}
