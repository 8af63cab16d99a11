package io.distdb.packaging.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.distdb.adminapi.NodeEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * One db-node container as Kubernetes would run it: numeric user from the image, read-only root
 * filesystem, {@code /tmp} on a tmpfs, data on the image's volume, configured only by {@code
 * DISTDB_*} variables. Survives {@code docker kill} and {@code docker start} (same container, same
 * volume); host ports are looked up again after each start because Docker assigns new ones.
 */
final class NodeContainer implements AutoCloseable {

  static final String PASSWORD = "container-test-password";
  static final String ADMIN_TOKEN = "container-test-admin-token";
  private static final String REPLICATION_SECRET = "container-test-replication-secret";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final GenericContainer<?> container;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private NodeContainer(String name, GenericContainer<?> container) {
    this.name = name;
    this.container = container;
  }

  /** A master in sync mode: a commit waits until one slave has it durably. */
  static NodeContainer master(String image, Network network, String name) {
    return new NodeContainer(
        name, base(image, network, name).withEnv(NodeEnvironment.ROLE, "master"));
  }

  static NodeContainer slave(String image, Network network, String name, String masterName) {
    return new NodeContainer(
        name,
        base(image, network, name)
            .withEnv(NodeEnvironment.ROLE, "slave")
            .withEnv(
                NodeEnvironment.MASTER, masterName + ":" + NodeEnvironment.DEFAULT_REPLICATION_PORT)
            .withEnv(NodeEnvironment.ADVERTISE, name + ":" + NodeEnvironment.DEFAULT_PG_PORT));
  }

  private static GenericContainer<?> base(String image, Network network, String name) {
    return new GenericContainer<>(image)
        .withNetwork(network)
        .withNetworkAliases(name)
        .withEnv(NodeEnvironment.NODE_ID, name)
        .withEnv(NodeEnvironment.INCARNATION, name + "-1")
        .withEnv(NodeEnvironment.PASSWORD, PASSWORD)
        .withEnv(NodeEnvironment.ADMIN_TOKEN, ADMIN_TOKEN)
        .withEnv(NodeEnvironment.REPLICATION_SECRET, REPLICATION_SECRET)
        .withEnv(NodeEnvironment.SYNC_MODE, "sync")
        .withEnv(NodeEnvironment.MIN_SYNC_ACKS, "1")
        .withEnv(NodeEnvironment.ACK_TIMEOUT_MS, "5000")
        .withEnv(NodeEnvironment.ON_ACK_TIMEOUT, "fail")
        .withExposedPorts(NodeEnvironment.DEFAULT_PG_PORT, NodeEnvironment.DEFAULT_ADMIN_PORT)
        .withTmpFs(Map.of("/tmp", "rw,size=64m"))
        .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withReadonlyRootfs(true))
        .waitingFor(
            Wait.forHttp(NodeEnvironment.PATH_READYZ)
                .forPort(NodeEnvironment.DEFAULT_ADMIN_PORT)
                .forStatusCode(200)
                .withStartupTimeout(READY_TIMEOUT));
  }

  String name() {
    return name;
  }

  GenericContainer<?> container() {
    return container;
  }

  Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://localhost:"
            + hostPort(NodeEnvironment.DEFAULT_PG_PORT)
            + "/distdb?sslmode=disable&connectTimeout=5&socketTimeout=30";
    return DriverManager.getConnection(url, "distdb", PASSWORD);
  }

  /** SIGKILL, as a crashed process or a lost node. */
  void kill() {
    docker().killContainerCmd(container.getContainerId()).exec();
    awaitStopped(Duration.ofSeconds(10));
  }

  /**
   * SIGTERM, as the kubelet sends at pod deletion; returns the exit code once the process ended
   * within {@code grace}.
   */
  int terminate(Duration grace) {
    docker().killContainerCmd(container.getContainerId()).withSignal("TERM").exec();
    awaitStopped(grace);
    return inspect().getState().getExitCodeLong().intValue();
  }

  /** {@code docker start} of the stopped container (its volume keeps the data), then ready. */
  void restart() {
    docker().startContainerCmd(container.getContainerId()).exec();
    Awaitility.await(name + " ready after restart")
        .atMost(READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> get(NodeEnvironment.PATH_READYZ).statusCode() == 200);
  }

  boolean running() {
    return Boolean.TRUE.equals(inspect().getState().getRunning());
  }

  /** {@code GET /checksums}: per database, the applied LSN and a checksum over schema and rows. */
  JsonNode checksums() throws IOException, InterruptedException {
    HttpResponse<String> response = get(NodeEnvironment.PATH_CHECKSUMS);
    if (response.statusCode() != 200) {
      throw new IOException(name + " /checksums answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  String logs() {
    return container.getLogs();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + hostPort(NodeEnvironment.DEFAULT_ADMIN_PORT) + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The host port Docker bound now (it changes on every start, unlike getMappedPort's cache). */
  private int hostPort(int containerPort) {
    Ports.Binding[] bindings =
        inspect().getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException(name + " has no host port for " + containerPort);
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }

  private void awaitStopped(Duration timeout) {
    Awaitility.await(name + " stopped")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !running());
  }

  private InspectContainerResponse inspect() {
    return docker().inspectContainerCmd(container.getContainerId()).exec();
  }

  private static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  @Override
  public void close() {
    container.stop();
  }
}
