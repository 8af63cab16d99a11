package io.distdb.operator.reconciler;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.Phase;
import io.distdb.operator.dependent.ConfigMapDependent;
import io.distdb.operator.dependent.DisruptionBudgetDependent;
import io.distdb.operator.dependent.ObjectApplier;
import io.distdb.operator.dependent.SecretDependent;
import io.distdb.operator.dependent.ServiceDependent;
import io.distdb.operator.dependent.StatefulSetDependent;
import io.distdb.operator.health.HealingPolicy;
import io.distdb.operator.health.HealthMonitor;
import io.distdb.operator.health.NodeObservation;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.ResolvedSpec;
import io.distdb.operator.spec.SpecValidator;
import io.distdb.operator.spec.Validation;
import io.distdb.operator.status.ClusterView;
import io.distdb.operator.status.Conditions;
import io.distdb.operator.status.EventRecorder;
import io.distdb.operator.status.StatusComputer;
import io.distdb.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a DistributedDatabase into its objects and its status. Each reconcile validates the spec (a
 * bad one only gets a status and a Warning, once), makes every owned object match (writing only
 * what differs), plans the slave set, lets the master roll last, hands the pods to the health
 * monitor and writes the status. The objects' informers and the health monitor trigger it; it never
 * blocks on a node.
 */
@ControllerConfiguration(
    name = DistributedDatabaseReconciler.NAME,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public final class DistributedDatabaseReconciler
    implements Reconciler<DistributedDatabase>, Cleaner<DistributedDatabase> {

  public static final String NAME = "distributeddatabase";

  private static final Logger LOG = LoggerFactory.getLogger(DistributedDatabaseReconciler.class);

  private final KubernetesClient client;
  private final SpecValidator validator;
  private final ObjectApplier applier;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final HealthMonitor health;
  private final SlaveSet slaves;
  private final HealthTargets healthTargets;
  private final SlaveHealer healer;
  private final RoleLabeler roleLabeler;
  private final SimpleInboundEventSource<DistributedDatabase> healthEvents =
      new SimpleInboundEventSource<>("health");

  public DistributedDatabaseReconciler(
      KubernetesClient client,
      SpecValidator validator,
      StatusWriter statusWriter,
      EventRecorder events,
      HealthMonitor health,
      int adminPort) {
    this(client, validator, statusWriter, events, health, adminPort, HealingPolicy.DEFAULT);
  }

  /** As above, healing by {@code policy} (tests shorten its waits). */
  public DistributedDatabaseReconciler(
      KubernetesClient client,
      SpecValidator validator,
      StatusWriter statusWriter,
      EventRecorder events,
      HealthMonitor health,
      int adminPort,
      HealingPolicy policy) {
    this.client = client;
    this.validator = validator;
    this.applier = new ObjectApplier(client);
    this.statusWriter = statusWriter;
    this.events = events;
    this.health = health;
    this.slaves = new SlaveSet(client, applier, events);
    this.healthTargets = new HealthTargets(client, adminPort);
    this.healer = new SlaveHealer(client, events, Clock.systemUTC(), policy);
    this.roleLabeler = new RoleLabeler(client);
  }

  /** Called by the health monitor when what a node reports changed. */
  public void onHealthChange(String key) {
    int slash = key.indexOf('/');
    healthEvents.propagateEvent(new ResourceID(key.substring(slash + 1), key.substring(0, slash)));
  }

  @Override
  public List<EventSource<?, DistributedDatabase>> prepareEventSources(
      EventSourceContext<DistributedDatabase> context) {
    return List.of(
        informer(context, Pod.class),
        informer(context, StatefulSet.class),
        informer(context, PersistentVolumeClaim.class),
        healthEvents);
  }

  private static <R extends HasMetadata> InformerEventSource<R, DistributedDatabase> informer(
      EventSourceContext<DistributedDatabase> context, Class<R> type) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, DistributedDatabase.class)
            .withName(type.getSimpleName())
            .withLabelSelector(Labels.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(DistributedDatabaseReconciler::owningDatabase)
            .build(),
        context);
  }

  /** Objects point to their database by the cluster label (claims may have no owner). */
  private static Set<ResourceID> owningDatabase(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    String db = labels == null ? null : labels.get(Labels.CLUSTER);
    return db == null ? Set.of() : Set.of(new ResourceID(db, object.getMetadata().getNamespace()));
  }

  @Override
  public UpdateControl<DistributedDatabase> reconcile(
      DistributedDatabase ddb, Context<DistributedDatabase> context) {
    ResourceNames names = ResourceNames.of(ddb);
    StatefulSet sts =
        client
            .apps()
            .statefulSets()
            .inNamespace(names.namespace())
            .withName(names.masterStatefulSet())
            .get();
    Validation validation = validator.validate(ddb, StatefulSetDependent.existingStorage(sts));
    if (validation instanceof Validation.Invalid invalid) {
      reject(ddb, invalid);
      return UpdateControl.noUpdate();
    }
    ResolvedSpec spec = ((Validation.Valid) validation).spec();
    if (ddb.getStatus() != null && ddb.getStatus().getPhase() == Phase.Invalid) {
      events.normal(ddb, "SpecAccepted", "the spec is valid again");
    }

    StringBuilder progress = new StringBuilder();
    for (Secret secret : SecretDependent.desired(spec)) {
      if (applier.createIfAbsent(secret)) {
        events.normal(ddb, "Created", "created Secret " + secret.getMetadata().getName());
      }
    }
    applyAll(ddb, List.of(ConfigMapDependent.desired(spec)));
    applyAll(ddb, ServiceDependent.desired(spec));
    for (PodDisruptionBudget budget : DisruptionBudgetDependent.desired(spec)) {
      event(ddb, budget, applier.applyWholeSpec(budget));
    }
    if (spec.slaves() == 0) {
      deleteSlaveBudget(names);
    }

    SlaveSet.Result slaveResult = slaves.reconcile(spec);
    if (slaveResult.progress() != null) {
      append(progress, slaveResult.progress());
    }
    String currentImage = StatefulSetDependent.currentImage(sts);
    String masterImage =
        currentImage == null || slaveResult.plan().upToDate() ? spec.image() : currentImage;
    ObjectApplier.Outcome stsOutcome =
        applier.apply(StatefulSetDependent.desired(spec, masterImage));
    if (stsOutcome == ObjectApplier.Outcome.CREATED) {
      events.normal(ddb, "Created", "created StatefulSet " + names.masterStatefulSet());
    } else if (stsOutcome == ObjectApplier.Outcome.UPDATED) {
      String why =
          masterImage.equals(currentImage) ? "" : " (rolling the master to " + masterImage + ")";
      events.normal(ddb, "Updated", "updated StatefulSet " + names.masterStatefulSet() + why);
      append(progress, "updating the master" + why);
    }
    if (!masterImage.equals(spec.image())) {
      append(progress, "master waits for the slaves to roll to " + spec.image());
    }

    Pod master = client.pods().inNamespace(names.namespace()).withName(names.masterPod()).get();
    List<Pod> slavePods = slaves.pods(names);
    String key = key(ddb);
    healthTargets.watch(health, key, spec, master, slavePods);
    Map<String, NodeObservation> observations = health.observations(key);
    List<Pod> nodes = new java.util.ArrayList<>(slavePods);
    if (master != null) {
      nodes.add(0, master);
    }
    if (roleLabeler.relabel(nodes, observations) > 0) {
      append(progress, "relabelled pods to their observed roles");
    }
    SlaveHealer.Result healing = healer.heal(key, spec, master, slavePods, observations);
    if (healing.hold() != null) {
      append(progress, healing.hold());
    }
    Map<String, String> classes = new LinkedHashMap<>();
    healing.classes().forEach((pod, c) -> classes.put(pod, c.name()));
    ClusterView view =
        new ClusterView(
            sts,
            master,
            slavePods,
            observations,
            progress.length() == 0 ? null : progress.toString(),
            classes,
            healing.reschedules(),
            healing.givenUp());
    statusWriter.write(ddb, StatusComputer.compute(spec, view));
    return UpdateControl.noUpdate();
  }

  @Override
  public DeleteControl cleanup(DistributedDatabase ddb, Context<DistributedDatabase> context) {
    health.forget(key(ddb));
    healer.forget(key(ddb));
    LOG.info(
        "database {}/{} deleted; owned objects go with it, volumes {}",
        ddb.getMetadata().getNamespace(),
        ddb.getMetadata().getName(),
        ddb.getSpec() != null
                && ddb.getSpec().getStorage() != null
                && ddb.getSpec().getStorage().isDeleteClaimsOnDelete()
            ? "too"
            : "are kept");
    return DeleteControl.defaultDelete();
  }

  /** A rejected spec: status and one Warning, then nothing more until the spec changes. */
  private void reject(DistributedDatabase ddb, Validation.Invalid invalid) {
    Condition before =
        ddb.getStatus() == null ? null : Conditions.find(ddb.getStatus().getConditions(), "Ready");
    boolean wrote = statusWriter.write(ddb, StatusComputer.invalid(ddb, invalid.violations()));
    String message = invalid.first().toString();
    if (wrote && (before == null || !"InvalidSpec".equals(before.getReason()) || changed(ddb))) {
      events.warning(ddb, "SpecRejected", "spec rejected: " + message);
    }
    LOG.info(
        "spec of {}/{} rejected: {}",
        ddb.getMetadata().getNamespace(),
        ddb.getMetadata().getName(),
        message);
  }

  private static boolean changed(DistributedDatabase ddb) {
    return ddb.getStatus().getObservedGeneration() == null
        || !ddb.getStatus().getObservedGeneration().equals(ddb.getMetadata().getGeneration());
  }

  private void applyAll(DistributedDatabase ddb, List<? extends HasMetadata> desired) {
    for (var object : desired) {
      event(ddb, object, applier.apply(object));
    }
  }

  /** A Normal Event for an object the apply created or updated. */
  private void event(DistributedDatabase ddb, HasMetadata object, ObjectApplier.Outcome outcome) {
    if (outcome != ObjectApplier.Outcome.UNCHANGED) {
      String verb = outcome == ObjectApplier.Outcome.CREATED ? "Created" : "Updated";
      events.normal(
          ddb,
          verb,
          verb.toLowerCase() + " " + object.getKind() + " " + object.getMetadata().getName());
    }
  }

  private void deleteSlaveBudget(ResourceNames names) {
    var budget =
        client
            .policy()
            .v1()
            .podDisruptionBudget()
            .inNamespace(names.namespace())
            .withName(names.slaveDisruptionBudget());
    if (budget.get() != null) {
      budget.delete();
    }
  }

  private static void append(StringBuilder progress, String text) {
    progress.append(progress.length() == 0 ? "" : "; ").append(text);
  }

  static String key(DistributedDatabase ddb) {
    return ddb.getMetadata().getNamespace() + "/" + ddb.getMetadata().getName();
  }
}
