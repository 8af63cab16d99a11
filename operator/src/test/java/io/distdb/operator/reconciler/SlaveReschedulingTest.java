package io.distdb.operator.reconciler;

import static io.distdb.operator.reconciler.MockCluster.NAMESPACE;
import static io.distdb.operator.reconciler.MockCluster.awaitTrue;
import static io.distdb.operator.reconciler.MockCluster.condition;
import static io.distdb.operator.reconciler.MockCluster.database;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.HealthCheckSpec;
import io.distdb.operator.naming.ResourceNames;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health loop end to end against the mock API server, with fake admin APIs on loopback IPs: a
 * slave whose node is NotReady and which neither answers nor is seen by its master is rescheduled
 * once; when the operator reaches no node at all, nothing is done.
 */
class SlaveReschedulingTest {

  static FakeNodes nodes;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    nodes =
        new FakeNodes()
            .serve(
                "127.0.1.10",
                "{\"nodeId\":\"lost-master-0\",\"role\":\"master\",\"state\":\"ready\",\"epoch\":1,"
                    + "\"master\":{\"mode\":\"async\",\"slaves\":[{\"nodeId\":\"lost-slave-0\","
                    + "\"state\":\"streaming\"}]}}")
            .serve(
                "127.0.1.11",
                "{\"nodeId\":\"lost-slave-0\",\"role\":\"slave\",\"state\":\"ready\","
                    + "\"slave\":{\"state\":\"streaming\",\"lagEntries\":0}}");
    cluster = new MockCluster(nodes.port());
    cluster
        .client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-b")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("Unknown")
                .withLastTransitionTime(Instant.now().minusSeconds(60).toString())
                .endCondition()
                .endStatus()
                .build())
        .create();
  }

  @AfterAll
  static void stop() {
    cluster.close();
    nodes.close();
  }

  private static DistributedDatabase fastHealthChecks(String name) {
    DistributedDatabase ddb = database(name, 2);
    HealthCheckSpec h = new HealthCheckSpec();
    h.setPeriodSeconds(1);
    h.setTimeoutSeconds(1);
    h.setFailureThreshold(2);
    ddb.getSpec().setHealthCheck(h);
    return ddb;
  }

  /** Sets what the kubelet would: IP, node and readiness. */
  private static void place(String pod, String ip, String node, boolean ready) {
    Pod p = Awaitility.await().until(() -> cluster.pod(pod), x -> x != null);
    p.getSpec().setNodeName(node);
    p = cluster.client.resource(p).update();
    p.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withPodIP(ip)
            .withConditions(
                new PodConditionBuilder()
                    .withType("Ready")
                    .withStatus(ready ? "True" : "False")
                    .build())
            .build());
    cluster.client.resource(p).updateStatus();
  }

  private static long rescheduledEvents(String db) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(db))
        .filter(e -> "Rescheduled".equals(e.getReason()))
        .count();
  }

  @Test
  void slaveOnALostNodeIsRescheduledOnce() {
    String db = "lost";
    ResourceNames n = ResourceNames.of(db, NAMESPACE);
    cluster.create(fastHealthChecks(db));
    cluster.playStatefulSetController(db);
    place(n.masterPod(), "127.0.1.10", "node-a", true);
    place(n.slavePod(0), "127.0.1.11", "node-a", true);
    String oldUid = cluster.pod(n.slavePod(1)).getMetadata().getUid();
    place(n.slavePod(1), "127.0.1.12", "node-b", false);

    awaitTrue(() -> rescheduledEvents(db) == 1);
    awaitTrue(
        () ->
            cluster.pod(n.slavePod(1)) != null
                && !cluster.pod(n.slavePod(1)).getMetadata().getUid().equals(oldUid));
    awaitTrue(
        () ->
            cluster.get(db).getStatus().getNodes().stream()
                .anyMatch(
                    m ->
                        m.getPod().equals(n.slavePod(1))
                            && "NodeLost".equals(m.getLastRescheduleReason())));
    var status = cluster.get(db).getStatus();
    assertThat(status.getEpoch()).isEqualTo(1L);
    assertThat(condition(cluster.get(db), "Degraded").getStatus()).isEqualTo("True");
    assertThat(
            cluster
                .client
                .persistentVolumeClaims()
                .inNamespace(NAMESPACE)
                .withName(n.slaveClaim(1))
                .get())
        .as("node lost keeps the volume")
        .isNotNull();
  }

  @Test
  void operatorThatReachesNoNodeDoesNothing() {
    String db = "isolated";
    ResourceNames n = ResourceNames.of(db, NAMESPACE);
    cluster.create(fastHealthChecks(db));
    cluster.playStatefulSetController(db);
    place(n.masterPod(), "127.0.1.20", "node-b", false);
    place(n.slavePod(0), "127.0.1.21", "node-b", false);
    place(n.slavePod(1), "127.0.1.22", "node-b", false);
    awaitTrue(
        () -> condition(cluster.get(db), "Progressing").getMessage().contains("OPERATOR_ISOLATED"));
    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .until(() -> rescheduledEvents(db) == 0);
  }
}
