package io.distdb.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distdb.adminapi.NodeAdminClient;
import io.distdb.adminapi.NodeEnvironment;
import io.distdb.adminapi.NodeStatus;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.HealthCheckSpec;
import io.distdb.operator.api.v1alpha1.NodeMemberStatus;
import io.distdb.operator.dependent.SecretKeys;
import io.distdb.operator.health.HealingPolicy;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.reconciler.MockCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.Awaitility;

/**
 * One end-to-end cluster for a test class: the mock API server with the real operator ({@link
 * MockCluster}), {@link FakeKubernetes} running real db-node processes, and the operator's cuttable
 * path to the nodes ({@link OperatorLink}). Helpers connect through the Services, read every node's
 * {@code /checksums}, and wait for the status the operator writes.
 */
public final class E2eHarness implements AutoCloseable {

  /** Healing as the operator does it, with waits shortened so each failure class takes seconds. */
  public static final HealingPolicy FAST =
      new HealingPolicy(
          new io.distdb.operator.health.SlaveClassifier.Thresholds(3, Duration.ofSeconds(3)),
          new io.distdb.operator.health.RescheduleDecider.Limits(
              30, Duration.ofSeconds(2), Duration.ofSeconds(8), 2),
          Duration.ofMinutes(10));

  public static final String NAMESPACE = MockCluster.NAMESPACE;

  public final MockCluster cluster;
  public final FakeKubernetes k8s;
  public final OperatorLink operatorLink = new OperatorLink();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final ObjectMapper json = new ObjectMapper();

  /** The db-node jar the build made, if any. */
  public static Optional<Path> nodeJar() {
    Path jar = Path.of(System.getProperty("distdb.node.jar", "../db-node/target/db-node.jar"));
    return Files.isReadable(jar) ? Optional.of(jar) : Optional.empty();
  }

  public E2eHarness(Path jar, Path root, HealingPolicy policy, int machines) throws IOException {
    cluster =
        new MockCluster(
            new MockCluster.OperatorOptions(
                NodeEnvironment.DEFAULT_ADMIN_PORT, operatorLink.httpClient(), policy));
    k8s = new FakeKubernetes(cluster.client, NAMESPACE, machines, jar, root);
  }

  /** Applies database {@code name} with {@code slaves} slaves, polled every second. */
  public DistributedDatabase apply(String name, int slaves) {
    DistributedDatabase ddb = MockCluster.database(name, slaves);
    HealthCheckSpec health = new HealthCheckSpec();
    health.setPeriodSeconds(1);
    health.setTimeoutSeconds(1);
    health.setFailureThreshold(2);
    ddb.getSpec().setHealthCheck(health);
    return cluster.create(ddb);
  }

  public DistributedDatabase get(String name) {
    return cluster.get(name);
  }

  /** Waits until the database is Ready with every node ready in its status. */
  public void awaitReady(String name, Duration atMost) {
    Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> ready(name));
  }

  /** Ready=True and every node in the status ready and streaming or master. */
  public boolean ready(String name) {
    DistributedDatabase d = get(name);
    return d.getStatus() != null
        && "True".equals(MockCluster.condition(d, "Ready").getStatus())
        && d.getStatus().getNodes().size() == d.getSpec().getSlaves() + 1
        && d.getStatus().getNodes().stream().allMatch(m -> "ready".equals(m.getState()));
  }

  /** A JDBC connection through Service {@code service} of database {@code db}. */
  public Connection connect(String db, String service) throws SQLException {
    return AckedWriter.connect(k8s.service(service), user(db), password(db));
  }

  /** A JDBC connection straight to pod {@code pod}. */
  public Connection connectPod(String db, String pod) throws SQLException {
    return AckedWriter.connect(
        new InetSocketAddress(k8s.ip(pod), NodeEnvironment.DEFAULT_PG_PORT),
        user(db),
        password(db));
  }

  /** A writer through {@code db}'s rw Service into {@code table}, at most 2 minutes long. */
  public AckedWriter writer(String db, String table, long firstId, int perSecond) {
    String rw = ResourceNames.of(db, NAMESPACE).readWriteService();
    return new AckedWriter(
        () -> k8s.service(rw),
        user(db),
        password(db),
        table,
        firstId,
        100_000,
        Duration.ofMinutes(2),
        perSecond);
  }

  /** Every id of {@code table} as the master has it. */
  public Set<Long> ids(String db, String table) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (Connection c = connect(db, ResourceNames.of(db, NAMESPACE).readWriteService());
        ResultSet rs = c.createStatement().executeQuery("SELECT id FROM " + table)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** Pod {@code pod}'s {@code /status}. */
  public NodeStatus status(String db, String pod) throws Exception {
    return new NodeAdminClient(http)
        .status(
            URI.create("http://" + k8s.ip(pod) + ":" + NodeEnvironment.DEFAULT_ADMIN_PORT),
            secret(db, adminTokenSecret(db), SecretKeys.ADMIN_TOKEN),
            Duration.ofSeconds(2));
  }

  /** Applies database {@code name} with {@code slaves} slaves and the default health checks. */
  public DistributedDatabase applyWithDefaults(String name, int slaves) {
    return cluster.create(MockCluster.database(name, slaves));
  }

  /** Pod {@code pod}'s {@code /checksums}: database → "appliedLsn:checksum". */
  public Map<String, String> checksums(String db, String pod) throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://"
                        + k8s.ip(pod)
                        + ":"
                        + NodeEnvironment.DEFAULT_ADMIN_PORT
                        + NodeEnvironment.PATH_CHECKSUMS))
            .header(
                "Authorization",
                "Bearer " + secret(db, adminTokenSecret(db), SecretKeys.ADMIN_TOKEN))
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> sums = new TreeMap<>();
    JsonNode root = json.readTree(r.body());
    root.fields()
        .forEachRemaining(
            e ->
                sums.put(
                    e.getKey(),
                    e.getValue().get("appliedLsn").asLong()
                        + ":"
                        + e.getValue().get("checksum").asText()));
    return sums;
  }

  /**
   * Waits until every node of the database (as its status lists them) reports the same checksum at
   * the same applied LSN for every logical database; returns the pods compared.
   */
  public List<String> awaitChecksumsEqual(String db, Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              List<String> pods =
                  get(db).getStatus().getNodes().stream().map(NodeMemberStatus::getPod).toList();
              Map<String, String> first = checksums(db, pods.get(0));
              for (String pod : pods.subList(1, pods.size())) {
                if (!checksums(db, pod).equals(first)) {
                  return null;
                }
              }
              return pods;
            },
            p -> p != null);
  }

  /** The Events the operator wrote for {@code db} with {@code reason}, oldest first. */
  public List<Event> events(String db, String reason) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> db.equals(e.getInvolvedObject().getName()))
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  /** How many times the operator rescheduled pod {@code pod} (its Events' counts). */
  public int reschedules(String db, String pod) {
    return events(db, "Rescheduled").stream()
        .filter(e -> e.getMessage().contains("slave " + pod + " "))
        .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
        .sum();
  }

  public String uid(String pod) {
    return cluster.client.pods().inNamespace(NAMESPACE).withName(pod).get().getMetadata().getUid();
  }

  public String user(String db) {
    return secret(
        db, ResourceNames.of(db, NAMESPACE).defaultCredentialsSecret(), SecretKeys.USERNAME);
  }

  public String password(String db) {
    return secret(
        db, ResourceNames.of(db, NAMESPACE).defaultCredentialsSecret(), SecretKeys.PASSWORD);
  }

  private static String adminTokenSecret(String db) {
    return ResourceNames.of(db, NAMESPACE).adminTokenSecret();
  }

  private String secret(String db, String name, String key) {
    Secret s = cluster.client.secrets().inNamespace(NAMESPACE).withName(name).get();
    return PodEnvironment.secretValue(s, key);
  }

  @Override
  public void close() {
    k8s.close();
    cluster.close();
  }
}
