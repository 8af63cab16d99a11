package io.distdb.operator.reconciler;

import io.distdb.operator.dependent.ObjectApplier;
import io.distdb.operator.dependent.SlavePlan;
import io.distdb.operator.dependent.SlaveSetPlanner;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.ResolvedSpec;
import io.distdb.operator.status.EventRecorder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Carries out a {@link SlavePlan}: the writes for the slave pods and claims, with an Event each.
 */
final class SlaveSet {

  /**
   * @param plan what was planned
   * @param progress what is changing, for the Progressing condition; null if nothing
   */
  record Result(SlavePlan plan, String progress) {}

  private final KubernetesClient client;
  private final ObjectApplier applier;
  private final EventRecorder events;

  SlaveSet(KubernetesClient client, ObjectApplier applier, EventRecorder events) {
    this.client = client;
    this.applier = applier;
    this.events = events;
  }

  Result reconcile(ResolvedSpec spec) {
    ResourceNames names = spec.names();
    String ns = names.namespace();
    List<Pod> pods = pods(names);
    List<PersistentVolumeClaim> claims =
        client
            .persistentVolumeClaims()
            .inNamespace(ns)
            .withLabels(Labels.setSelector(names.database(), Labels.SLAVE))
            .list()
            .getItems();
    SlavePlan plan = SlaveSetPlanner.plan(spec, pods, claims);
    var ddb = spec.ddb();
    for (PersistentVolumeClaim claim : plan.claimsToCreate()) {
      client.resource(claim).create();
    }
    for (Pod pod : plan.podsToCreate()) {
      client.resource(pod).create();
      events.normal(ddb, "Created", "created slave pod " + pod.getMetadata().getName());
    }
    for (String pod : plan.podsToDelete()) {
      client.pods().inNamespace(ns).withName(pod).delete();
      events.normal(
          ddb,
          pod.equals(plan.rolledPod()) ? "RollingSlave" : "ScaledDown",
          pod.equals(plan.rolledPod())
              ? "replacing slave " + pod + " to run " + spec.image()
              : "deleted slave pod " + pod + " (spec.slaves is " + spec.slaves() + ")");
    }
    for (String claim : plan.claimsToDelete()) {
      client.persistentVolumeClaims().inNamespace(ns).withName(claim).delete();
    }
    for (PersistentVolumeClaim desired : plan.claimsToPatch()) {
      claims.stream()
          .filter(c -> c.getMetadata().getName().equals(desired.getMetadata().getName()))
          .findFirst()
          .ifPresent(actual -> keepOwnership(actual, desired));
    }
    return new Result(plan, progress(spec, plan, pods));
  }

  /** The slave pods of a database, by name. */
  List<Pod> pods(ResourceNames names) {
    List<Pod> pods =
        new ArrayList<>(
            client
                .pods()
                .inNamespace(names.namespace())
                .withLabels(Labels.setSelector(names.database(), Labels.SLAVE))
                .list()
                .getItems());
    pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    return pods;
  }

  /**
   * A claim's spec is immutable; only its owner references follow the spec (owned = deleted with
   * the database). Compared explicitly: an empty list does not survive serialization.
   */
  private void keepOwnership(PersistentVolumeClaim actual, PersistentVolumeClaim desired) {
    List<OwnerReference> want = desired.getMetadata().getOwnerReferences();
    List<OwnerReference> have = actual.getMetadata().getOwnerReferences();
    if (!(have == null ? List.of() : have).equals(want == null ? List.of() : want)) {
      client
          .resource(actual)
          .edit(
              c -> {
                c.getMetadata().setOwnerReferences(new ArrayList<>(want));
                return c;
              });
    }
  }

  private static String progress(ResolvedSpec spec, SlavePlan plan, List<Pod> before) {
    List<String> parts = new ArrayList<>();
    if (!plan.podsToCreate().isEmpty()) {
      parts.add("creating " + plan.podsToCreate().size() + " slave pod(s)");
    }
    if (!plan.claimsToDelete().isEmpty()) {
      parts.add("removing " + plan.claimsToDelete().size() + " slave(s)");
    }
    if (plan.rolledPod() != null) {
      parts.add("rolling " + plan.rolledPod() + " to " + spec.image());
    }
    if (parts.isEmpty() && !plan.upToDate()) {
      parts.add("waiting for slaves to be ready");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }
}
