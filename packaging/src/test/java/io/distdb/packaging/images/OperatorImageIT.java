package io.distdb.packaging.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.distdb.packaging.RepoFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The operator image: its configuration, and the image itself reconciling a database against
 * Fabric8's mock API server (CRUD mode, in this JVM) the way the chart runs it: numeric user, read-
 * only root filesystem, {@code /tmp} on a tmpfs. The owned objects and a status for the current
 * generation first; the mock runs no pods, so the test then plays StatefulSet controller and
 * kubelet (pods reported Ready, nothing running) until the database is Ready. Skipped without
 * Docker or the image (images/build.sh).
 */
class OperatorImageIT {

  private static final Logger log = LoggerFactory.getLogger(OperatorImageIT.class);
  private static final int HEALTH_PORT = 8081;
  private static final String NAMESPACE = "apps";
  private static final String DATABASE = "shop";
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final ResourceDefinitionContext DDB =
      new ResourceDefinitionContext.Builder()
          .withGroup("distdb.io")
          .withVersion("v1alpha1")
          .withKind("DistributedDatabase")
          .withPlural("distributeddatabases")
          .withNamespaced(true)
          .build();

  @Test
  void imageFollowsTheKubernetesConventions() {
    InspectImageResponse image = assumeOperatorImage();
    ImageConventions.assertKubernetesReady(
        image, "/opt/distdb/distdb-operator.jar", "-XX:+ExitOnOutOfMemoryError");
    assertThat(image.getConfig().getExposedPorts())
        .extracting(Object::toString)
        .contains(HEALTH_PORT + "/tcp");
  }

  @Test
  void reconcilesTheSmallExampleOnTheMockApiServerFromAReadOnlyRoot() throws Exception {
    String image = assumeOperatorImage().getRepoTags().get(0);
    Path crd = RepoFiles.resolve(RepoFiles.GENERATED_CRD);
    assumeTrue(Files.exists(crd), RepoFiles.GENERATED_CRD + " missing: build the operator module");
    try (Network network = Network.newNetwork();
        ContainerReachableApiServer api = ContainerReachableApiServer.start(network, crd);
        GenericContainer<?> operator = operatorContainer(image, network, api)) {
      long started = System.nanoTime();
      operator.start();
      log.atInfo().log(
          "operator container ready (/readyz 200) {} ms after create",
          (System.nanoTime() - started) / 1_000_000);
      assertThat(get(operator, "/healthz").statusCode()).isEqualTo(200);
      assertThat(operator.execInContainer("id", "-u").getStdout().trim()).isEqualTo("10001");
      assertThat(operator.execInContainer("touch", "/opt/distdb/probe").getExitCode()).isNotZero();

      KubernetesClient client = api.client();
      client.namespaces().resource(namespace()).create();
      GenericKubernetesResource applied = client.resource(smallExample()).create();
      String uid = applied.getMetadata().getUid();

      String master = DATABASE + "-master";
      StatefulSet sts =
          Awaitility.await()
              .atMost(CONVERGE)
              .until(
                  () -> client.apps().statefulSets().inNamespace(NAMESPACE).withName(master).get(),
                  s -> s != null);
      assertOwnedBy(sts, uid);
      assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
      var pod = sts.getSpec().getTemplate().getSpec();
      assertThat(pod.getContainers()).extracting(c -> c.getImage()).containsExactly(defaultNode());
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();

      for (String service : List.of("-rw", "-ro", "-nodes")) {
        var svc =
            Awaitility.await()
                .atMost(CONVERGE)
                .until(
                    () ->
                        client.services().inNamespace(NAMESPACE).withName(DATABASE + service).get(),
                    s -> s != null);
        assertOwnedBy(svc, uid);
      }
      Map<String, String> secretKeys =
          Map.of("-credentials", "password", "-replication", "secret", "-admin-token", "token");
      for (var secret : secretKeys.entrySet()) {
        var s =
            Awaitility.await()
                .atMost(CONVERGE)
                .until(
                    () ->
                        client
                            .secrets()
                            .inNamespace(NAMESPACE)
                            .withName(DATABASE + secret.getKey())
                            .get(),
                    x -> x != null);
        assertOwnedBy(s, uid);
        // Written as stringData; a real API server folds it into data, the mock keeps it.
        Map<String, String> values = new java.util.HashMap<>();
        Optional.ofNullable(s.getData()).ifPresent(values::putAll);
        Optional.ofNullable(s.getStringData()).ifPresent(values::putAll);
        assertThat(values)
            .as("keys of Secret %s", s.getMetadata().getName())
            .containsKey(secret.getValue());
        assertThat(values.get(secret.getValue())).isNotBlank();
      }

      JsonNode status =
          Awaitility.await()
              .atMost(CONVERGE)
              .until(
                  () -> status(client),
                  s -> s.path("observedGeneration").asLong() == generation(client));
      assertThat(condition(status, "Progressing").path("observedGeneration").asLong())
          .isEqualTo(generation(client));
      // No pods yet (the mock has no StatefulSet controller): not Ready, and it says why.
      assertThat(condition(status, "Ready").path("status").asText()).isEqualTo("False");
      assertThat(condition(status, "Ready").path("reason").asText()).isEqualTo("MasterNotReady");
      assertThat(status.path("phase").asText()).isEqualTo("Pending");

      // Play the StatefulSet controller and the kubelet, as the operator's own mock tests do: the
      // pods are reported Ready without a pod IP (nothing runs, so the operator polls nothing).
      createPodFromTemplate(client, sts, master + "-0");
      reportReady(client, master + "-0");
      for (int i = 0; i < 2; i++) {
        reportReady(client, DATABASE + "-slave-" + i);
      }
      JsonNode ready =
          Awaitility.await()
              .atMost(CONVERGE)
              .until(
                  () -> status(client),
                  s -> "True".equals(condition(s, "Ready").path("status").asText()));
      assertThat(condition(ready, "Ready").path("observedGeneration").asLong())
          .isEqualTo(generation(client));
      assertThat(ready.path("readyText").asText()).isEqualTo("2/2");
      assertThat(ready.path("currentMaster").asText()).isEqualTo(master + "-0");
      assertThat(get(operator, "/healthz").statusCode()).isEqualTo(200);
    }
  }

  /** What the StatefulSet controller would do: the master pod from the template. */
  private static void createPodFromTemplate(KubernetesClient client, StatefulSet sts, String name) {
    var template = sts.getSpec().getTemplate();
    client
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .withLabels(template.getMetadata().getLabels())
                .withAnnotations(template.getMetadata().getAnnotations())
                .endMetadata()
                .withSpec(template.getSpec())
                .build())
        .create();
  }

  /** What the kubelet would report once the pod (created by the operator or above) is ready. */
  private static void reportReady(KubernetesClient client, String name) {
    Pod pod =
        Awaitility.await()
            .atMost(CONVERGE)
            .until(() -> client.pods().inNamespace(NAMESPACE).withName(name).get(), p -> p != null);
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
            .build());
    client.resource(pod).updateStatus();
  }

  private static InspectImageResponse assumeOperatorImage() {
    return LocalImages.assumePresent(
        LocalImages.operator(),
        "build the operator module (operator/target/distdb-operator.jar), then run images/build.sh");
  }

  /** As the chart runs it, pointed at the mock instead of the in-cluster service account. */
  private static GenericContainer<?> operatorContainer(
      String image, Network network, ContainerReachableApiServer api) {
    return new GenericContainer<>(image)
        .withNetwork(network)
        .withEnv("KUBERNETES_MASTER", api.urlFromContainers())
        .withEnv("KUBERNETES_TRUST_CERTIFICATES", "true")
        .withEnv("KUBERNETES_AUTH_TRYKUBECONFIG", "false")
        .withEnv("DISTDB_OPERATOR_SSA", "false")
        .withEnv("DISTDB_OPERATOR_WATCH_NAMESPACES", NAMESPACE)
        .withExposedPorts(HEALTH_PORT)
        .withTmpFs(Map.of("/tmp", "rw,size=16m"))
        .withCreateContainerCmdModifier(
            cmd -> cmd.withUser("10001").getHostConfig().withReadonlyRootfs(true))
        .withLogConsumer(new Slf4jLogConsumer(log).withPrefix("operator"))
        .waitingFor(
            Wait.forHttp("/readyz")
                .forPort(HEALTH_PORT)
                .forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(90)));
  }

  private static String defaultNode() {
    return LocalImages.dbNode();
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace() {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(NAMESPACE)
        .endMetadata()
        .build();
  }

  /** deploy/examples/small.yaml, the quickstart's database, in the watched namespace. */
  private static GenericKubernetesResource smallExample() throws Exception {
    try (InputStream in = Files.newInputStream(RepoFiles.resolve("deploy/examples/small.yaml"))) {
      GenericKubernetesResource ddb = Serialization.unmarshal(in, GenericKubernetesResource.class);
      assertThat(ddb.getMetadata().getName()).isEqualTo(DATABASE);
      ddb.getMetadata().setNamespace(NAMESPACE);
      return ddb;
    }
  }

  private static GenericKubernetesResource database(KubernetesClient client) {
    return client.genericKubernetesResources(DDB).inNamespace(NAMESPACE).withName(DATABASE).get();
  }

  private static long generation(KubernetesClient client) {
    return database(client).getMetadata().getGeneration();
  }

  private static JsonNode status(KubernetesClient client) {
    return Serialization.jsonMapper().valueToTree(database(client)).path("status");
  }

  private static JsonNode condition(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    throw new AssertionError("no condition " + type + " in status " + status);
  }

  private static void assertOwnedBy(HasMetadata object, String uid) {
    assertThat(object.getMetadata().getOwnerReferences())
        .as("owner references of %s %s", object.getKind(), object.getMetadata().getName())
        .extracting(OwnerReference::getUid)
        .contains(uid);
  }

  private static HttpResponse<String> get(GenericContainer<?> operator, String path)
      throws Exception {
    URI uri =
        URI.create(
            "http://" + operator.getHost() + ":" + operator.getMappedPort(HEALTH_PORT) + path);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
