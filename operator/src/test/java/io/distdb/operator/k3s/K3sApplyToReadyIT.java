package io.distdb.operator.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The quickstart on a real Kubernetes: k3s in a container (Testcontainers), the operator and
 * db-node images imported into its containerd, {@code deploy/distdb-operator.yaml} and {@code
 * deploy/examples/small.yaml} applied, then Ready, then {@code psql} through port-forwards to
 * {@code shop-rw} (write) and {@code shop-ro} (read).
 *
 * <p>Nothing is ever pulled: the test is skipped, saying why, unless Docker answers and the k3s
 * image ({@code -Ddistdb.k3s.image}, default {@value #DEFAULT_K3S_IMAGE}), {@code distdb/operator}
 * and {@code distdb/db-node} (tag {@code -Ddistdb.image.tag}, default {@value #DEFAULT_TAG}; built
 * by {@code images/build.sh}) exist locally, and {@code psql} is installed.
 */
class K3sApplyToReadyIT {

  static final String DEFAULT_K3S_IMAGE = "rancher/k3s:v1.31.4-k3s1";
  static final String DEFAULT_TAG = "0.2.0";
  private static final String OPERATOR_NAMESPACE = "distdb-system";
  private static final String NAMESPACE = "default";

  @TempDir Path tmp;

  @Test
  void applyReadyPsqlOnK3s() throws Exception {
    String k3sImage = System.getProperty("distdb.k3s.image", DEFAULT_K3S_IMAGE);
    String tag = System.getProperty("distdb.image.tag", DEFAULT_TAG);
    Path repo = Path.of(System.getProperty("distdb.repo.root", ".."));
    Optional<Path> psql = psql();
    assumeTrue(psql.isPresent(), "no psql on this machine (apt-get install postgresql-client)");
    assumeTrue(dockerAnswers(), "no Docker engine answers: k3s test skipped");
    List<String> images = List.of("distdb/operator:" + tag, "distdb/db-node:" + tag);
    for (String image : List.of(k3sImage, images.get(0), images.get(1))) {
      assumeTrue(
          localImage(image),
          "no local image "
              + image
              + ": nothing is pulled here (k3s: docker load it, e.g. -Ddistdb.k3s.image=...;"
              + " distdb images: images/build.sh); k3s test skipped");
    }

    try (K3sContainer k3s = new K3sContainer(DockerImageName.parse(k3sImage))) {
      k3s.start();
      importImages(k3s, images);
      Config config = Config.fromKubeconfig(k3s.getKubeConfigYaml());
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        apply(client, repo.resolve("deploy/distdb-operator.yaml"));
        Awaitility.await()
            .atMost(Duration.ofMinutes(3))
            .ignoreExceptions()
            .until(
                () ->
                    client
                            .apps()
                            .deployments()
                            .inNamespace(OPERATOR_NAMESPACE)
                            .withName("distdb-operator")
                            .get()
                            .getStatus()
                            .getAvailableReplicas()
                        == 1);
        long start = System.nanoTime();
        apply(client, repo.resolve("deploy/examples/small.yaml"));
        Awaitility.await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> ready(client));
        System.out.printf(
            "k3s: apply -> Ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        var secret = client.secrets().inNamespace(NAMESPACE).withName("shop-credentials").get();
        String user = decode(secret.getData().get("username"));
        String password = decode(secret.getData().get("password"));
        try (LocalPortForward rw = forward(client, "shop-rw");
            LocalPortForward ro = forward(client, "shop-ro")) {
          String wrote =
              psql(
                  psql.get(),
                  rw.getLocalPort(),
                  user,
                  password,
                  "CREATE TABLE orders (id INT PRIMARY KEY, item TEXT)",
                  "INSERT INTO orders VALUES (1, 'tea')");
          assertThat(wrote).contains("INSERT 0 1");
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .untilAsserted(
                  () ->
                      assertThat(
                              psql(
                                  psql.get(),
                                  ro.getLocalPort(),
                                  user,
                                  password,
                                  "SELECT item FROM orders"))
                          .contains("tea"));
        }
      }
    }
  }

  private static boolean ready(KubernetesClient client) {
    DistributedDatabase d =
        client.resources(DistributedDatabase.class).inNamespace(NAMESPACE).withName("shop").get();
    return d.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static LocalPortForward forward(KubernetesClient client, String service) {
    return client.services().inNamespace(NAMESPACE).withName(service).portForward(5432);
  }

  private static void apply(KubernetesClient client, Path manifest) throws IOException {
    try (InputStream in = Files.newInputStream(manifest)) {
      for (HasMetadata object : client.load(in).items()) {
        client.resource(object).forceConflicts().serverSideApply();
      }
    }
  }

  /** docker save the images and import them into k3s' containerd (the pods never pull). */
  private void importImages(K3sContainer k3s, List<String> images) throws Exception {
    Path tar = tmp.resolve("images.tar");
    try (InputStream in =
        DockerClientFactory.instance()
            .client()
            .saveImagesCmd()
            .withImage(images.get(0).split(":")[0], images.get(0).split(":")[1])
            .withImage(images.get(1).split(":")[0], images.get(1).split(":")[1])
            .exec()) {
      Files.copy(in, tar, StandardCopyOption.REPLACE_EXISTING);
    }
    k3s.copyFileToContainer(MountableFile.forHostPath(tar), "/tmp/images.tar");
    Container.ExecResult r =
        k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", "/tmp/images.tar");
    assertThat(r.getExitCode()).as(r.getStderr()).isZero();
  }

  private static String psql(Path psql, int port, String user, String password, String... sql)
      throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                psql.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                user,
                "-v",
                "ON_ERROR_STOP=1",
                "distdb"));
    for (String s : sql) {
      command.add("-c");
      command.add(s);
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "5");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static Optional<Path> psql() {
    for (Path p : List.of(Path.of("/usr/lib/postgresql/15/bin/psql"), Path.of("/usr/bin/psql"))) {
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Inspects the image locally; a missing one answers NotFound in milliseconds, never pulls. */
  private static boolean localImage(String image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
