package io.distdb.packaging.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import io.distdb.adminapi.NodeEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** The db-node image on its own: configuration, read-only root, memory sizing, start time. */
class DbNodeImageIT {

  private static final Logger log = LoggerFactory.getLogger(DbNodeImageIT.class);
  private static final long MEMORY_LIMIT = 512L * 1024 * 1024;
  private static final String TOKEN = "image-test-admin-token";
  private static final Pattern HEAP_MAX =
      Pattern.compile("^jvm_memory_max_bytes\\{area=\"heap\",[^}]*} (\\S+)$", Pattern.MULTILINE);

  @Test
  void imageFollowsTheKubernetesConventions() {
    InspectImageResponse image = LocalImages.assumeDbNode();
    ImageConventions.assertKubernetesReady(image, "/opt/distdb/db-node.jar");
    // Out of memory fails the statement (53200), not the process: see OutOfMemoryIT.
    assertThat(Arrays.asList(image.getConfig().getEntrypoint()))
        .doesNotContain("-XX:+ExitOnOutOfMemoryError");
    assertThat(image.getConfig().getVolumes()).containsKey("/var/lib/distdb");
    assertThat(image.getConfig().getWorkingDir()).isEqualTo("/opt/distdb");
    assertThat(image.getConfig().getEnv()).contains("DISTDB_DATA_DIR=/var/lib/distdb");
  }

  @Test
  void servesOnAReadOnlyRootWithItsHeapSizedFromTheMemoryLimit() throws Exception {
    String image = LocalImages.assumeDbNode().getRepoTags().get(0);
    try (GenericContainer<?> node =
        new GenericContainer<>(image)
            .withEnv(NodeEnvironment.PASSWORD, "image-test-password")
            .withEnv(NodeEnvironment.ADMIN_TOKEN, TOKEN)
            .withExposedPorts(NodeEnvironment.DEFAULT_PG_PORT, NodeEnvironment.DEFAULT_ADMIN_PORT)
            .withTmpFs(Map.of("/tmp", "rw,size=16m"))
            .withCreateContainerCmdModifier(
                cmd -> cmd.getHostConfig().withReadonlyRootfs(true).withMemory(MEMORY_LIMIT))
            .waitingFor(
                Wait.forHttp(NodeEnvironment.PATH_READYZ)
                    .forPort(NodeEnvironment.DEFAULT_ADMIN_PORT)
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofSeconds(90)))) {
      long started = System.nanoTime();
      node.start();
      log.atInfo().log(
          "db-node container ready (/readyz 200) {} ms after create",
          (System.nanoTime() - started) / 1_000_000);

      ExecResult whoami = node.execInContainer("id", "-u");
      assertThat(whoami.getStdout().trim()).isEqualTo("10001");
      ExecResult write = node.execInContainer("touch", "/opt/distdb/probe");
      assertThat(write.getExitCode()).isNotZero();
      assertThat(write.getStderr()).contains("Read-only file system");
      ExecResult data = node.execInContainer("ls", "/var/lib/distdb");
      assertThat(data.getStdout()).contains("log").contains("databases");
      // The class-data sharing archive built with the image is in use (the JVM maps it), not
      // silently refused as stale: a mismatch would only show as a slower start.
      ExecResult maps = node.execInContainer("grep", "-c", "db-node.jsa", "/proc/1/maps");
      assertThat(Integer.parseInt(maps.getStdout().trim())).isPositive();

      double heapMax = heapMaxBytes(metrics(node));
      assertThat(heapMax / MEMORY_LIMIT).isBetween(0.5, 0.65); // -XX:MaxRAMPercentage=60
    }
  }

  private static String metrics(GenericContainer<?> node) throws Exception {
    URI uri =
        URI.create(
            "http://localhost:"
                + node.getMappedPort(NodeEnvironment.DEFAULT_ADMIN_PORT)
                + NodeEnvironment.PATH_METRICS);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Sum of the heap pools' maxima: the JVM's maximum heap. */
  private static double heapMaxBytes(String metrics) {
    Matcher m = HEAP_MAX.matcher(metrics);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    assertThat(sum).as("heap pools in /metrics").isPositive();
    return sum;
  }
}
