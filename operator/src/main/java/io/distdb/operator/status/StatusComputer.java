package io.distdb.operator.status;

import io.distdb.adminapi.NodeState;
import io.distdb.adminapi.NodeStatus;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.DistributedDatabaseStatus;
import io.distdb.operator.api.v1alpha1.NodeMemberStatus;
import io.distdb.operator.api.v1alpha1.Phase;
import io.distdb.operator.dependent.PodConditions;
import io.distdb.operator.health.NodeObservation;
import io.distdb.operator.health.RescheduleRecord;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.spec.ResolvedSpec;
import io.distdb.operator.spec.Violation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a database's status from what one reconcile saw (pure: no I/O, no clock). The same inputs
 * give the same status, which is what lets {@link StatusWriter} skip no-op writes.
 */
public final class StatusComputer {

  private StatusComputer() {}

  /** The status of a rejected spec: Ready=False with the field in the reason's message. */
  public static DistributedDatabaseStatus invalid(
      DistributedDatabase ddb, List<Violation> violations) {
    Long generation = ddb.getMetadata().getGeneration();
    DistributedDatabaseStatus old = ddb.getStatus();
    DistributedDatabaseStatus status =
        old == null ? new DistributedDatabaseStatus() : copyObserved(old);
    status.setPhase(Phase.Invalid);
    status.setObservedGeneration(generation);
    String message =
        "spec rejected, nothing changed until it is fixed: "
            + String.join("; ", violations.stream().map(Violation::toString).toList());
    List<Condition> conditions = new ArrayList<>();
    conditions.add(Conditions.of(Conditions.READY, false, "InvalidSpec", message, generation));
    conditions.add(
        Conditions.of(
            Conditions.PROGRESSING, false, "InvalidSpec", "waiting for a valid spec", generation));
    status.setConditions(conditions);
    return status;
  }

  /** The status of a database with a valid spec. */
  public static DistributedDatabaseStatus compute(ResolvedSpec spec, ClusterView view) {
    Long generation = spec.ddb().getMetadata().getGeneration();
    DistributedDatabaseStatus status = new DistributedDatabaseStatus();
    status.setObservedGeneration(generation);
    status.setTargetMaster(spec.names().masterPod());
    status.setSelector(
        Labels.selectorString(Labels.setSelector(spec.names().database(), Labels.SLAVE)));

    List<NodeMemberStatus> nodes = new ArrayList<>();
    boolean masterReady = view.masterPod() != null && PodConditions.isReady(view.masterPod());
    if (view.masterPod() != null) {
      NodeMemberStatus master = member(view.masterPod(), Labels.MASTER, view);
      nodes.add(master);
      NodeObservation o = view.observations().get(view.masterPod().getMetadata().getName());
      if (o != null && o.reachable()) {
        status.setEpoch(o.status().epoch());
      }
      status.setCurrentMaster(masterReady ? view.masterPod().getMetadata().getName() : null);
    }
    int readySlaves = 0;
    long maxLag = 0;
    int streaming = 0;
    boolean lagging = false;
    for (Pod pod : view.slavePods()) {
      NodeMemberStatus member = member(pod, Labels.SLAVE, view);
      nodes.add(member);
      if (Boolean.TRUE.equals(member.getReady())) {
        readySlaves++;
      }
      if (member.getLag() != null) {
        maxLag = Math.max(maxLag, member.getLag());
      }
      NodeObservation o = view.observations().get(pod.getMetadata().getName());
      boolean podReady = PodConditions.isReady(pod);
      if (o != null && o.reachable() && o.status().slave() != null) {
        if ("streaming".equals(o.status().slave().state())) {
          streaming++;
        }
        lagging |= NodeState.of(o.status().state()) == NodeState.CATCHING_UP;
      } else if (o == null && podReady) {
        streaming++; // not polled yet: the pod's readiness (caught up) is the only witness
      }
    }
    status.setNodes(nodes);
    status.setReadySlaves(readySlaves);
    status.setReadyText(readySlaves + "/" + spec.slaves());
    status.setMaxLag(maxLag);

    boolean allReady = masterReady && readySlaves == spec.slaves();
    List<Condition> conditions = new ArrayList<>();
    String readyMessage =
        (masterReady ? "master ready" : "master not ready")
            + ", "
            + readySlaves
            + "/"
            + spec.slaves()
            + " slaves ready";
    conditions.add(
        Conditions.of(
            Conditions.READY,
            allReady,
            allReady ? "AllNodesReady" : masterReady ? "SlavesNotReady" : "MasterNotReady",
            readyMessage,
            generation));
    if (spec.slaves() == 0) {
      conditions.add(
          Conditions.of(Conditions.REPLICATING, false, "NoSlaves", "spec.slaves is 0", generation));
    } else {
      boolean replicating = masterReady && streaming == spec.slaves();
      conditions.add(
          Conditions.of(
              Conditions.REPLICATING,
              replicating,
              replicating ? "SlavesStreaming" : "SlavesNotStreaming",
              streaming + "/" + spec.slaves() + " slaves streaming from the master",
              generation));
    }
    String unhealthy = firstUnhealthy(view);
    boolean degraded = !allReady || lagging || unhealthy != null;
    String degradedReason =
        !masterReady
            ? "MasterNotReady"
            : view.rescheduleGivenUp()
                ? "CrashLoopGivenUp"
                : unhealthy != null
                    ? "SlaveUnhealthy"
                    : readySlaves < spec.slaves()
                        ? "SlavesNotReady"
                        : lagging ? "SlaveLagging" : "";
    conditions.add(
        Conditions.of(
            Conditions.DEGRADED,
            degraded,
            degraded ? degradedReason : "AllHealthy",
            degraded
                ? readyMessage
                    + (unhealthy == null ? "" : "; " + unhealthy)
                    + (view.rescheduleGivenUp()
                        ? "; rescheduling gave up on its crash loop: fix the cause (the kubelet"
                            + " keeps restarting it)"
                        : "")
                : "every node ready and replicating",
            generation));
    boolean progressing = view.progressing() != null;
    conditions.add(
        Conditions.of(
            Conditions.PROGRESSING,
            progressing,
            progressing ? "Reconciling" : "Stable",
            progressing ? view.progressing() : "every object matches the spec",
            generation));
    status.setConditions(conditions);
    status.setPhase(
        allReady && !degraded
            ? Phase.Running
            : (masterReady || wasServing(spec.ddb())) ? Phase.Degraded : Phase.Pending);
    return status;
  }

  private static boolean wasServing(DistributedDatabase ddb) {
    return ddb.getStatus() != null
        && (ddb.getStatus().getPhase() == Phase.Running
            || ddb.getStatus().getPhase() == Phase.Degraded);
  }

  private static String firstUnhealthy(ClusterView view) {
    return view.healthByPod().entrySet().stream()
        .filter(e -> !e.getValue().equals("Healthy") && !e.getValue().equals("Starting"))
        .map(e -> e.getKey() + " is " + e.getValue())
        .sorted()
        .findFirst()
        .orElse(null);
  }

  private static NodeMemberStatus member(Pod pod, String set, ClusterView view) {
    String name = pod.getMetadata().getName();
    NodeMemberStatus m = new NodeMemberStatus();
    m.setPod(name);
    m.setReady(PodConditions.isReady(pod));
    m.setRestarts(PodConditions.restarts(pod));
    m.setRole(set);
    m.setHealth(view.healthByPod().get(name));
    NodeObservation o = view.observations().get(name);
    if (o != null) {
      m.setConsecutiveFailures(o.consecutiveFailures());
      if (o.reachable()) {
        NodeStatus s = o.status();
        m.setRole(s.role());
        m.setState(s.state());
        m.setDurableLsn(s.durableLsn());
        m.setAppliedLsn(s.appliedLsn());
        m.setLag(s.slave() == null ? null : s.slave().lagEntries());
      } else {
        m.setState("unreachable");
      }
    }
    RescheduleRecord reschedule = view.reschedules().get(name);
    if (reschedule != null) {
      m.setLastRescheduleTime(reschedule.time());
      m.setLastRescheduleReason(reschedule.reason());
    }
    return m;
  }

  private static DistributedDatabaseStatus copyObserved(DistributedDatabaseStatus old) {
    DistributedDatabaseStatus s = new DistributedDatabaseStatus();
    s.setNodes(old.getNodes());
    s.setEpoch(old.getEpoch());
    s.setCurrentMaster(old.getCurrentMaster());
    s.setTargetMaster(old.getTargetMaster());
    s.setReadySlaves(old.getReadySlaves());
    s.setReadyText(old.getReadyText());
    s.setMaxLag(old.getMaxLag());
    s.setSelector(old.getSelector());
    return s;
  }
}
