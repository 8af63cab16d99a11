package io.distdb.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.adminapi.NodeAdminClient;
import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.health.HealingPolicy;
import io.distdb.operator.health.HealthMonitor;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.SpecValidator;
import io.distdb.operator.status.EventRecorder;
import io.distdb.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Fabric8's mock API server in CRUD mode with the generated CRD loaded, and the real operator
 * running against it (SSA off, the mock has none). The mock has no controllers: {@link
 * #playStatefulSetController} and {@link #markReady} stand in for them. Every request the
 * operator's own client sends is recorded (its user agent tells it from the test's requests).
 */
public final class MockCluster implements AutoCloseable {

  public static final String NAMESPACE = "test";
  static final String OPERATOR_AGENT = "distdb-operator-under-test";

  /**
   * How the operator under test is built.
   *
   * @param adminPort the port its health monitor polls on each pod IP
   * @param http the HTTP client of its polls (end-to-end tests route it through a cuttable link)
   * @param policy its healing thresholds and limits
   */
  public record OperatorOptions(int adminPort, HttpClient http, HealingPolicy policy) {
    public static OperatorOptions defaults() {
      return new OperatorOptions(
          NodeEnvironment.DEFAULT_ADMIN_PORT,
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
          HealingPolicy.DEFAULT);
    }
  }

  final KubernetesMockServer server;
  public final KubernetesClient client;
  final KubernetesClient operatorClient;
  private final OperatorOptions options;
  private Operator operator;
  private HealthMonitor health;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Thread recorder;
  private volatile boolean closed;

  public MockCluster() {
    this(OperatorOptions.defaults());
  }

  /** A cluster whose nodes' admin API is polled on {@code adminPort} (fake nodes in tests). */
  MockCluster(int adminPort) {
    this(new OperatorOptions(adminPort, OperatorOptions.defaults().http(), HealingPolicy.DEFAULT));
  }

  /** A cluster with the operator built as {@code options} say. */
  public MockCluster(OperatorOptions options) {
    this(options, true);
  }

  /**
   * The mock API server alone when {@code inJvmOperator} is false (a benchmark runs the operator as
   * its own process against {@link #url()}).
   */
  public MockCluster(OperatorOptions options, boolean inJvmOperator) {
    this.options = options;
    // expectations (server.expect()) and the CRUD dispatcher must share one response map
    var responses =
        new HashMap<
            io.fabric8.mockwebserver.ServerRequest,
            java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    client = server.createClient();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            Serialization.unmarshal(
                MockCluster.class.getResourceAsStream(
                    "/META-INF/fabric8/distributeddatabases.distdb.io-v1.yml"),
                CustomResourceDefinition.class))
        .create();
    recorder = new Thread(this::record, "request-recorder");
    recorder.setDaemon(true);
    recorder.start();
    Config config =
        new ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build();
    operatorClient = new KubernetesClientBuilder().withConfig(config).build();
    if (inJvmOperator) {
      startOperator();
    }
  }

  /** The API server's URL. */
  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  /** Stops the operator process (as a crash or a rollout would) and starts a fresh one. */
  public void restartOperator() {
    stopOperator();
    startOperator();
  }

  private void stopOperator() {
    if (operator != null) {
      operator.stop();
      health.close();
    }
  }

  private void startOperator() {
    Clock clock = Clock.systemUTC();
    DistributedDatabaseReconciler[] self = new DistributedDatabaseReconciler[1];
    health =
        new HealthMonitor(
            new NodeAdminClient(options.http()),
            Executors.newSingleThreadScheduledExecutor(),
            Executors.newFixedThreadPool(2),
            key -> self[0].onHealthChange(key));
    self[0] =
        new DistributedDatabaseReconciler(
            operatorClient,
            new SpecValidator("distdb/db-node:test"),
            new StatusWriter(operatorClient, clock),
            new EventRecorder(operatorClient, clock),
            health,
            options.adminPort(),
            options.policy());
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(operatorClient)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCloseClientOnStop(false));
    operator.register(self[0], c -> c.settingNamespace(NAMESPACE));
    operator.start();
  }

  private void record() {
    while (!closed) {
      try {
        var r = server.takeRequest(100, TimeUnit.MILLISECONDS);
        if (r != null && OPERATOR_AGENT.equals(r.getHeader("User-Agent"))) {
          synchronized (requests) {
            requests.add(RecordedRequest.of(r.getMethod(), r.getPath()));
          }
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The operator's requests so far. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** A database in the test namespace as a user would apply it. */
  public static DistributedDatabase database(String name, int slaves) {
    DistributedDatabase ddb = new DistributedDatabase();
    ddb.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    var spec = new io.distdb.operator.api.v1alpha1.DistributedDatabaseSpec();
    spec.setSlaves(slaves);
    ddb.setSpec(spec);
    return ddb;
  }

  public DistributedDatabase create(DistributedDatabase ddb) {
    return client.resource(ddb).create();
  }

  public DistributedDatabase get(String name) {
    return client.resources(DistributedDatabase.class).inNamespace(NAMESPACE).withName(name).get();
  }

  public DistributedDatabase edit(
      String name, java.util.function.Consumer<DistributedDatabase> change) {
    // A merge patch of the spec, without resourceVersion: the operator's status writes race a
    // user's edit on a real cluster too, and kubectl edit/scale do not fail on them.
    DistributedDatabase d = get(name);
    change.accept(d);
    return client
        .resources(DistributedDatabase.class)
        .inNamespace(NAMESPACE)
        .withName(name)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            Serialization.asJson(java.util.Map.of("spec", d.getSpec())));
  }

  Pod pod(String name) {
    return client.pods().inNamespace(NAMESPACE).withName(name).get();
  }

  /**
   * Waits for the master StatefulSet and creates its pod from the template, as the controller
   * would.
   */
  Pod playStatefulSetController(String database) {
    ResourceNames names = ResourceNames.of(database, NAMESPACE);
    StatefulSet sts =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    client
                        .apps()
                        .statefulSets()
                        .inNamespace(NAMESPACE)
                        .withName(names.masterStatefulSet())
                        .get(),
                s -> s != null);
    var template = sts.getSpec().getTemplate();
    Pod existing = pod(names.masterPod());
    if (existing != null) {
      client.resource(existing).delete();
      Awaitility.await().until(() -> pod(names.masterPod()) == null);
    }
    return client
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(names.masterPod())
                .withNamespace(NAMESPACE)
                .withUid(UUID.randomUUID().toString())
                .withLabels(template.getMetadata().getLabels())
                .withAnnotations(template.getMetadata().getAnnotations())
                .endMetadata()
                .withSpec(template.getSpec())
                .build())
        .create();
  }

  /** Reports pod {@code name} Ready, as the kubelet would. */
  void markReady(String name) {
    Pod pod =
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pod(name), p -> p != null);
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
            .build());
    client.resource(pod).updateStatus();
  }

  public static io.fabric8.kubernetes.api.model.Condition condition(
      DistributedDatabase ddb, String type) {
    return ddb.getStatus() == null
        ? new ConditionBuilder().build()
        : ddb.getStatus().getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(new ConditionBuilder().build());
  }

  @Override
  public void close() {
    stopOperator();
    closed = true;
    try {
      recorder.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RbacAssertions.assertGranted(requests());
    operatorClient.close();
    client.close();
    server.destroy();
  }

  static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) {
    Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(condition);
  }

  static void check(boolean b) {
    assertThat(b).isTrue();
  }
}
