package io.distdb.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.NodeMemberStatus;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.reconciler.MockCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure classes end to end, on one operator, one {@link FakeKubernetes} and one database with
 * 2 slaves (health checks every second, {@link E2eHarness#FAST} healing). During each scenario a
 * writer inserts through {@code shop-rw}; after it the database must be Ready again, every
 * acknowledged row on the master, and every node's {@code /checksums} equal at equal LSN. The
 * scenarios leave the database as they found it (2 slaves, every machine up) except the last, which
 * scales.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureScenariosIT {

  private static final String DB = "shop";
  private static final ResourceNames N = ResourceNames.of(DB, E2eHarness.NAMESPACE);
  private static final Duration RECOVERY = Duration.ofSeconds(90);

  private E2eHarness h;
  private AckedWriter writer;
  private long nextId = 1;

  @BeforeAll
  void startCluster(@TempDir Path data) throws Exception {
    Path jar = E2eHarness.nodeJar().orElse(null);
    assumeTrue(jar != null, "no db-node jar: build db-node first (mvn package -pl db-node -am)");
    h = new E2eHarness(jar, data, E2eHarness.FAST, 5);
    h.apply(DB, 2);
    h.awaitReady(DB, Duration.ofMinutes(3)); // four JVM starts on a loaded 2-core machine
    try (Connection c = h.connect(DB, N.readWriteService())) {
      c.createStatement().execute("CREATE TABLE acked (id BIGINT PRIMARY KEY)");
    }
  }

  @AfterAll
  void stopCluster() {
    if (h != null) {
      h.close();
    }
  }

  @BeforeEach
  void startWriter() {
    writer = h.writer(DB, "acked", nextId, 40);
  }

  /** Ready again, every acknowledged row kept, all nodes equal. */
  @AfterEach
  void everythingBack() throws Exception {
    h.awaitReady(DB, RECOVERY);
    int before = writer.acknowledged();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> writer.acknowledged() > before + 5);
    Set<Long> acked = writer.stop();
    nextId = writer.nextId();
    assertThat(h.ids(DB, "acked")).as("acknowledged rows on the master").containsAll(acked);
    List<String> nodes = h.awaitChecksumsEqual(DB, Duration.ofSeconds(60));
    assertThat(nodes).hasSize(h.get(DB).getSpec().getSlaves() + 1);
    System.out.printf(
        "e2e: %d rows acknowledged (%d failed INSERTs), checksums equal on %s%n",
        acked.size(), writer.failures(), nodes);
  }

  @Test
  @Order(1)
  void killedSlaveIsRestartedByTheKubeletNotRescheduled() {
    String pod = N.slavePod(0);
    String uid = h.uid(pod);
    int restarts = member(pod).getRestarts();
    h.k8s.kill9(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> member(pod).getRestarts() > restarts);
    h.awaitReady(DB, RECOVERY);
    assertThat(h.uid(pod)).as("same pod, restarted in place").isEqualTo(uid);
    assertThat(h.reschedules(DB, pod)).isZero();
  }

  @Test
  @Order(2)
  void blackholedReplicationLinkIsReportedNotRescheduled() {
    String pod = N.slavePod(0);
    String uid = h.uid(pod);
    h.k8s.blackholeReplication(pod, true);
    // the slave's reader times out, the master stops listing it as streaming
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .ignoreExceptions()
        .until(() -> "False".equals(condition("Replicating").getStatus()));
    System.out.printf(
        "e2e: link blackholed: %s; %s is %s%n",
        condition("Replicating").getMessage(), pod, member(pod).getHealth());
    // the operator still reaches the slave: one witness only, so nobody acts
    Awaitility.await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> h.uid(pod).equals(uid));
    h.k8s.blackholeReplication(pod, false);
    h.awaitReady(DB, RECOVERY);
    assertThat(h.uid(pod)).isEqualTo(uid);
    assertThat(h.reschedules(DB, pod)).isZero();
  }

  @Test
  @Order(3)
  void operatorCutOffFromEveryNodeDoesNothing() {
    String pod = N.slavePod(1);
    String machine = h.k8s.machineOf(pod);
    Map<String, String> uids = uids();
    int reschedules = totalReschedules();
    // the operator reaches no node, and the API server also lost the slave's kubelet: a node-lost
    // slave by Kubernetes' view, but the operator is the isolated one and must not act
    h.operatorLink.cut(true);
    h.k8s.partition(machine);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> condition("Progressing").getMessage().contains("OPERATOR_ISOLATED"));
    Awaitility.await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> uids().equals(uids) && totalReschedules() == reschedules);
    h.operatorLink.cut(false);
    h.k8s.restore(machine);
    h.awaitReady(DB, RECOVERY);
    assertThat(uids()).isEqualTo(uids);
  }

  @Test
  @Order(4)
  void crashLoopIsRescheduledThenGivenUp() {
    String pod = N.slavePod(1);
    int before = h.reschedules(DB, pod);
    h.k8s.failStarts(pod, true);
    h.k8s.kill9(pod);
    int tries = E2eHarness.FAST.limits().maxCrashLoopTries();
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(
            () ->
                h.reschedules(DB, pod) == before + tries
                    && condition("Progressing").getMessage().contains("GAVE_UP"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> "CrashLoopGivenUp".equals(condition("Degraded").getReason()));
    System.out.printf(
        "e2e: crash loop given up after %d reschedules: %s%n",
        tries, condition("Degraded").getMessage());
    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> h.reschedules(DB, pod) == before + tries);
    h.k8s.failStarts(pod, false); // the cause is fixed: the kubelet's next restart works
  }

  @Test
  @Order(5)
  void lostNodeIsForceDeletedAndTheSlaveRecreatedElsewhere() {
    String pod = N.slavePod(0);
    String uid = h.uid(pod);
    String machine = h.k8s.machineOf(pod);
    int before = h.reschedules(DB, pod);
    h.k8s.powerOff(machine);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> !h.uid(pod).equals(uid) && h.k8s.machineOf(pod) != null);
    assertThat(h.k8s.machineOf(pod)).isNotEqualTo(machine);
    h.awaitReady(DB, RECOVERY);
    assertThat(h.reschedules(DB, pod)).isEqualTo(before + 1);
    assertThat(member(pod).getLastRescheduleReason()).isEqualTo("NodeLost");
    h.k8s.restore(machine);
  }

  @Test
  @Order(6)
  void lostVolumeGetsANewClaimAndPodThatReseed() throws Exception {
    assertReplacedWithANewClaimAndReseeded(1, h.k8s::loseVolume);
  }

  private interface VolumeFault {
    void hit(String pod) throws Exception;
  }

  /** After {@code fault} hits slave {@code slave}'s volume, both pod and claim are new. */
  private void assertReplacedWithANewClaimAndReseeded(int slave, VolumeFault fault)
      throws Exception {
    String pod = N.slavePod(slave);
    String uid = h.uid(pod);
    String claimUid = claimUid(N.slaveClaim(slave));
    int before = h.reschedules(DB, pod);
    fault.hit(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(() -> !h.uid(pod).equals(uid) && !claimUid(N.slaveClaim(slave)).equals(claimUid));
    h.awaitReady(DB, RECOVERY);
    assertThat(h.reschedules(DB, pod)).isEqualTo(before + 1);
    assertThat(member(pod).getLastRescheduleReason()).startsWith("VolumeLost");
    // the new, empty volume was seeded from the master: it has the rows written before the fault
    try (Connection c = h.connectPod(DB, pod);
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM acked")) {
      rs.next();
      assertThat(rs.getLong(1)).isPositive();
    }
  }

  @Test
  @Order(7)
  void operatorRestartedMidRescheduleDoesNotRepeatIt() {
    String pod = N.slavePod(0);
    String machine = h.k8s.machineOf(pod);
    int before = h.reschedules(DB, pod);
    h.k8s.powerOff(machine);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> h.reschedules(DB, pod) == before + 1);
    h.cluster.restartOperator();
    h.awaitReady(DB, RECOVERY);
    assertThat(h.reschedules(DB, pod))
        .as("the new operator does not repeat it")
        .isEqualTo(before + 1);
    h.k8s.restore(machine);
  }

  /**
   * The slave's disk returns garbage: its storage file is damaged while the container is down. The
   * restarted node cannot open it, stays up and says "corrupt data" in /status (restarting would
   * fail the same way forever), and the operator treats that like a lost volume.
   */
  @Test
  @Order(8)
  void corruptVolumeGetsANewClaimAndPodThatReseed() throws Exception {
    assertReplacedWithANewClaimAndReseeded(1, h.k8s::corruptVolume);
  }

  @Test
  @Order(9)
  void scaleTwoToThreeToOne() {
    h.cluster.edit(DB, d -> d.getSpec().setSlaves(3));
    h.awaitReady(DB, RECOVERY);
    // Four nodes polled one after another meet at one LSN only while nothing is written.
    writer.pause();
    assertThat(h.awaitChecksumsEqual(DB, Duration.ofSeconds(60))).hasSize(4);
    writer.resume();
    h.cluster.edit(DB, d -> d.getSpec().setSlaves(1));
    h.awaitReady(DB, RECOVERY);
    assertThat(slavePods()).containsExactly(N.slavePod(0));
    assertThat(
            h
                .cluster
                .client
                .persistentVolumeClaims()
                .inNamespace(E2eHarness.NAMESPACE)
                .list()
                .getItems()
                .stream()
                .map(c -> c.getMetadata().getName())
                .filter(n -> n.startsWith(N.slavePod(0).replace("-0", "")))
                .toList())
        .as("the removed slaves' claims go with them")
        .containsExactly(N.slaveClaim(0));
  }

  private NodeMemberStatus member(String pod) {
    return h.get(DB).getStatus().getNodes().stream()
        .filter(m -> pod.equals(m.getPod()))
        .findFirst()
        .orElseThrow();
  }

  private io.fabric8.kubernetes.api.model.Condition condition(String type) {
    DistributedDatabase d = h.get(DB);
    return MockCluster.condition(d, type);
  }

  private Map<String, String> uids() {
    return h.cluster.client.pods().inNamespace(E2eHarness.NAMESPACE).list().getItems().stream()
        .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getMetadata().getUid()));
  }

  private int totalReschedules() {
    return h.events(DB, "Rescheduled").stream()
        .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
        .sum();
  }

  private List<String> slavePods() {
    return h
        .cluster
        .client
        .pods()
        .inNamespace(E2eHarness.NAMESPACE)
        .withLabel("distdb.io/set", "slave")
        .list()
        .getItems()
        .stream()
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private String claimUid(String claim) {
    return h.cluster
        .client
        .persistentVolumeClaims()
        .inNamespace(E2eHarness.NAMESPACE)
        .withName(claim)
        .get()
        .getMetadata()
        .getUid();
  }
}
