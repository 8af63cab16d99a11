package io.distdb.operator.reconciler;

import static io.distdb.operator.reconciler.MockCluster.NAMESPACE;
import static io.distdb.operator.reconciler.MockCluster.awaitTrue;
import static io.distdb.operator.reconciler.MockCluster.condition;
import static io.distdb.operator.reconciler.MockCluster.database;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.Phase;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reconciler against the mock API server: owned objects, status, scaling, rolling. */
class DistributedDatabaseReconcilerTest extends MockClusterTest {

  private static ResourceNames names(String db) {
    return ResourceNames.of(db, NAMESPACE);
  }

  private static List<Pod> slaves(String db) {
    return cluster
        .client
        .pods()
        .inNamespace(NAMESPACE)
        .withLabels(Labels.setSelector(db, Labels.SLAVE))
        .list()
        .getItems();
  }

  private static Map<String, Object> env(Container c) {
    return c.getEnv().stream()
        .collect(
            Collectors.toMap(
                EnvVar::getName, e -> e.getValue() != null ? e.getValue() : e.getValueFrom()));
  }

  /** Creates a database and plays controller and kubelet until it is Ready. */
  private static DistributedDatabase readyDatabase(String db, int slaves) {
    cluster.create(database(db, slaves));
    cluster.playStatefulSetController(db);
    cluster.markReady(names(db).masterPod());
    for (int i = 0; i < slaves; i++) {
      cluster.markReady(names(db).slavePod(i));
    }
    awaitTrue(() -> "True".equals(condition(cluster.get(db), "Ready").getStatus()));
    return cluster.get(db);
  }

  @Test
  void createsEveryOwnedObject() {
    String db = "shop";
    cluster.create(database(db, 2));
    ResourceNames n = names(db);
    var c = cluster.client;
    awaitTrue(() -> slaves(db).size() == 2);
    // the StatefulSet is written after the slave set in a reconcile
    awaitTrue(
        () ->
            c.apps().statefulSets().inNamespace(NAMESPACE).withName(n.masterStatefulSet()).get()
                != null);
    StatefulSet sts =
        c.apps().statefulSets().inNamespace(NAMESPACE).withName(n.masterStatefulSet()).get();
    assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
    assertThat(sts.getSpec().getServiceName()).isEqualTo(n.headlessService());
    assertThat(sts.getSpec().getVolumeClaimTemplates()).hasSize(1);
    assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
        .isEqualTo("Retain");
    assertThat(sts.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("DistributedDatabase"));
    Container master = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(master.getImage()).isEqualTo("distdb/db-node:test");
    assertThat(env(master))
        .containsEntry(NodeEnvironment.ROLE, "master")
        .containsKeys(
            NodeEnvironment.NODE_ID,
            NodeEnvironment.INCARNATION,
            NodeEnvironment.ADMIN_TOKEN,
            NodeEnvironment.PASSWORD,
            NodeEnvironment.REPLICATION_SECRET);
    assertThat(master.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(master.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(master.getStartupProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(master.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(master.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    var podSecurity = sts.getSpec().getTemplate().getSpec().getSecurityContext();
    assertThat(podSecurity.getRunAsNonRoot()).isTrue();
    assertThat(podSecurity.getRunAsUser()).isEqualTo(10001L);
    assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(
            sts.getSpec()
                .getTemplate()
                .getSpec()
                .getAffinity()
                .getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution())
        .hasSize(1);

    Pod slave = cluster.pod(n.slavePod(0));
    assertThat(slave.getMetadata().getLabels())
        .containsEntry(Labels.ROLE, "slave")
        .containsEntry(Labels.MANAGED_BY, "distdb-operator")
        .containsEntry(Labels.NAME, "distdb")
        .containsEntry(Labels.INSTANCE, db);
    assertThat(slave.getSpec().getSubdomain()).isEqualTo(n.headlessService());
    assertThat(env(slave.getSpec().getContainers().get(0)))
        .containsEntry(NodeEnvironment.ROLE, "slave")
        .containsEntry(NodeEnvironment.MASTER, n.podHost(n.masterPod()) + ":7432");
    assertThat(slave.getMetadata().getOwnerReferences()).hasSize(1);
    var claim = c.persistentVolumeClaims().inNamespace(NAMESPACE).withName(n.slaveClaim(0)).get();
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("1Gi");
    assertThat(claim.getMetadata().getOwnerReferences()).as("kept on delete").isEmpty();

    var headless = c.services().inNamespace(NAMESPACE).withName(n.headlessService()).get();
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(c.services().inNamespace(NAMESPACE).withName(n.readWriteService()).get())
        .satisfies(s -> assertThat(s.getSpec().getSelector()).containsEntry(Labels.ROLE, "master"));
    assertThat(c.services().inNamespace(NAMESPACE).withName(n.readOnlyService()).get())
        .satisfies(s -> assertThat(s.getSpec().getSelector()).containsEntry(Labels.ROLE, "slave"));
    assertThat(c.configMaps().inNamespace(NAMESPACE).withName(n.configMap()).get().getData())
        .containsEntry(NodeEnvironment.SYNC_MODE, "async")
        .containsEntry(NodeEnvironment.ACK_TIMEOUT_MS, "5000");
    for (String secret :
        List.of(n.defaultCredentialsSecret(), n.replicationSecret(), n.adminTokenSecret())) {
      assertThat(c.secrets().inNamespace(NAMESPACE).withName(secret).get()).as(secret).isNotNull();
    }
    assertThat(
            c.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(NAMESPACE)
                .withName(n.masterDisruptionBudget())
                .get())
        .isNotNull();
    assertThat(
            c.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(NAMESPACE)
                .withName(n.slaveDisruptionBudget())
                .get())
        .isNotNull();

    awaitTrue(() -> cluster.get(db).getStatus().getObservedGeneration() != null);
    DistributedDatabase ddb = cluster.get(db);
    assertThat(ddb.getStatus().getPhase()).isEqualTo(Phase.Pending);
    assertThat(condition(ddb, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(ddb, "Ready").getReason()).isEqualTo("MasterNotReady");
    assertThat(condition(ddb, "Progressing").getStatus()).isEqualTo("True");
  }

  @Test
  void becomesReadyWithStatusConditionsAndObservedGeneration() {
    DistributedDatabase ddb = readyDatabase("ready", 2);
    assertThat(ddb.getStatus().getPhase()).isEqualTo(Phase.Running);
    assertThat(ddb.getStatus().getObservedGeneration())
        .isEqualTo(ddb.getMetadata().getGeneration());
    assertThat(ddb.getStatus().getReadyText()).isEqualTo("2/2");
    assertThat(ddb.getStatus().getReadySlaves()).isEqualTo(2);
    assertThat(ddb.getStatus().getCurrentMaster()).isEqualTo("ready-master-0");
    assertThat(ddb.getStatus().getNodes()).hasSize(3);
    assertThat(condition(ddb, "Degraded").getStatus()).isEqualTo("False");
    assertThat(condition(ddb, "Replicating").getStatus()).isEqualTo("True");
    awaitTrue(() -> "False".equals(condition(cluster.get("ready"), "Progressing").getStatus()));
    for (var c : cluster.get("ready").getStatus().getConditions()) {
      assertThat(c.getLastTransitionTime()).as(c.getType()).isNotBlank();
      assertThat(c.getObservedGeneration()).isEqualTo(ddb.getMetadata().getGeneration());
    }
  }

  @Test
  void scalesUpAndDownRemovingTheNewestSlave() {
    String db = "scale";
    readyDatabase(db, 2);
    cluster.edit(db, d -> d.getSpec().setSlaves(3));
    awaitTrue(() -> slaves(db).size() == 3);
    cluster.markReady(names(db).slavePod(2));
    awaitTrue(() -> "3/3".equals(cluster.get(db).getStatus().getReadyText()));

    cluster.edit(db, d -> d.getSpec().setSlaves(1));
    awaitTrue(() -> slaves(db).size() == 1);
    assertThat(slaves(db))
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("scale-slave-0");
    awaitTrue(
        () ->
            cluster
                    .client
                    .persistentVolumeClaims()
                    .inNamespace(NAMESPACE)
                    .withName(names(db).slaveClaim(2))
                    .get()
                == null);
    assertThat(cluster.pod(names(db).masterPod())).as("never the master").isNotNull();
    awaitTrue(() -> "1/1".equals(cluster.get(db).getStatus().getReadyText()));
  }

  @Test
  void rollsANewImageOneSlaveAtATimeThenTheMaster() {
    String db = "roll";
    readyDatabase(db, 2);
    ResourceNames n = names(db);
    cluster.edit(db, d -> d.getSpec().setImage("distdb/db-node:next"));
    // slave 0 goes first; nothing else moves until it is back and ready
    awaitTrue(
        () ->
            cluster.pod(n.slavePod(0)) != null
                && image(cluster.pod(n.slavePod(0))).endsWith(":next"));
    assertThat(image(cluster.pod(n.slavePod(1)))).endsWith(":test");
    assertThat(masterImage(db)).endsWith(":test");
    cluster.markReady(n.slavePod(0));
    awaitTrue(
        () ->
            cluster.pod(n.slavePod(1)) != null
                && image(cluster.pod(n.slavePod(1))).endsWith(":next"));
    assertThat(masterImage(db)).as("master waits for the last slave").endsWith(":test");
    cluster.markReady(n.slavePod(1));
    try {
      awaitTrue(() -> masterImage(db).endsWith(":next"));
    } catch (RuntimeException e) {
      System.out.println(
          "DEBUG "
              + io.fabric8.kubernetes.client.utils.Serialization.asYaml(
                  cluster.get(db).getStatus()));
      slaves(db)
          .forEach(
              p ->
                  System.out.println(
                      "DEBUG "
                          + p.getMetadata().getName()
                          + " "
                          + p.getMetadata().getAnnotations()
                          + " "
                          + p.getStatus()));
      throw e;
    }
  }

  @Test
  void slaveBudgetFollowsTheReplicationMode() {
    String db = "budget";
    cluster.create(database(db, 2));
    var pdbs = cluster.client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE);
    String name = names(db).slaveDisruptionBudget();
    awaitTrue(() -> pdbs.withName(name).get().getSpec().getMaxUnavailable().getIntVal() == 1);
    cluster.edit(
        db,
        d ->
            d.getSpec()
                .getReplication()
                .setMode(io.distdb.operator.api.v1alpha1.ReplicationMode.SYNC));
    awaitTrue(() -> pdbs.withName(name).get().getSpec().getMinAvailable() != null);
    assertThat(pdbs.withName(name).get().getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdbs.withName(name).get().getSpec().getMaxUnavailable()).isNull();
  }

  private static String image(Pod pod) {
    return pod.getSpec().getContainers().get(0).getImage();
  }

  private static String masterImage(String db) {
    return cluster
        .client
        .apps()
        .statefulSets()
        .inNamespace(NAMESPACE)
        .withName(names(db).masterStatefulSet())
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }
}
