package io.distdb.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.adminapi.NodeStatus;
import io.distdb.node.storage.DatabaseChecksum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's token and its promise that probes never wait on the expensive reports. */
class AdminServerTest {

  static final String TOKEN = "admin-token-for-tests";

  private final CountDownLatch checksumStarted = new CountDownLatch(1);
  private final CountDownLatch releaseChecksum = new CountDownLatch(1);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private AdminServer server;

  private final AdminEndpoints endpoints =
      new AdminEndpoints() {
        @Override
        public String notLiveReason() {
          return null;
        }

        @Override
        public String notReadyReason() {
          return null;
        }

        @Override
        public NodeStatus status() {
          return null;
        }

        @Override
        public Map<String, DatabaseChecksum.Result> checksums() {
          checksumStarted.countDown();
          try {
            releaseChecksum.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Map.of();
        }

        @Override
        public String metrics() {
          return "distdb_up 1\n";
        }
      };

  @AfterEach
  void stop() {
    releaseChecksum.countDown();
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return getAsync(path, authorization).get(10, TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reportsNeedTheTokenAndProbesDoNot() throws Exception {
    server = new AdminServer("127.0.0.1", 0, endpoints, TOKEN);
    assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
    for (String path : new String[] {"/status", "/metrics", "/checksums"}) {
      HttpResponse<String> none = get(path, null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"distdb\"");
      assertThat(get(path, "Bearer wrong").statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "Bearer " + TOKEN + "x").statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "Basic " + TOKEN).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(get("/metrics", "Bearer " + TOKEN).body()).isEqualTo("distdb_up 1\n");
  }

  @Test
  void withoutATokenReportsAreOpen() throws Exception {
    server = new AdminServer("127.0.0.1", 0, endpoints);
    assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aSlowChecksumDoesNotDelayProbesOrOtherReports() throws Exception {
    server = new AdminServer("127.0.0.1", 0, endpoints, TOKEN);
    CompletableFuture<HttpResponse<String>> slow = getAsync("/checksums", "Bearer " + TOKEN);
    assertThat(checksumStarted.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
    assertThat(get("/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
    assertThat(slow).isNotDone();
    releaseChecksum.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }
}
