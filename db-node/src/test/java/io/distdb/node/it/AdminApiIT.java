package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.AdminClient;
import io.distdb.node.testing.Cluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin HTTP API as the operator will call it. */
class AdminApiIT {

  @TempDir static Path dir;
  static Cluster cluster;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start(dir, 1);
    cluster.awaitConverged(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static HttpResponse<String> request(Node node, String method, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAndReadiness() throws Exception {
    for (Node n : new Node[] {cluster.master(), cluster.slave(0)}) {
      assertThat(request(n, "GET", "/healthz").statusCode()).isEqualTo(200);
      assertThat(request(n, "GET", "/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void statusIsTheAdminApiDocument() throws Exception {
    var master = new AdminClient(cluster.master().adminPort()).status();
    assertThat(master.role()).isEqualTo("master");
    assertThat(master.state()).isEqualTo("ready");
    assertThat(master.databases()).contains("distdb");
    assertThat(master.master().slaves()).hasSize(1);
    var slave = new AdminClient(cluster.slave(0).adminPort()).status();
    assertThat(slave.role()).isEqualTo("slave");
    assertThat(slave.slave().master()).isNotBlank();
    HttpResponse<String> raw = request(cluster.master(), "GET", "/status");
    assertThat(raw.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    HttpResponse<String> r = request(cluster.master(), "GET", "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "distdb_log_durable_lsn",
            "distdb_log_fsyncs_total",
            "distdb_replication_slaves_streaming 1.0",
            "distdb_replication_sync_degraded 0.0",
            "jvm_memory_used_bytes");
    assertThat(request(cluster.slave(0), "GET", "/metrics").body())
        .contains("distdb_replication_lag_entries");
  }

  @Test
  void checksumsMatchAcrossReplicas() throws Exception {
    assertThat(new AdminClient(cluster.slave(0).adminPort()).checksums())
        .isEqualTo(new AdminClient(cluster.master().adminPort()).checksums());
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    assertThat(request(cluster.master(), "GET", "/nope").statusCode()).isEqualTo(404);
    HttpResponse<String> post = request(cluster.master(), "POST", "/status");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
  }
}
