package io.distdb.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.distdb.adminapi.NodeAdminClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Polls run off the caller's thread, each with its own timeout: a hung node stalls no other. */
class HealthMonitorTest {

  @Test
  void aHungNodeDoesNotHoldUpTheOthers() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/status",
        ex -> {
          if (ex.getRequestURI().getHost() == null
              && ex.getRequestHeaders().containsKey("X-Hang")) {
            return;
          }
          byte[] body =
              "{\"nodeId\":\"n\",\"role\":\"slave\",\"state\":\"ready\"}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    HttpServer hungServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hungServer.setExecutor(Executors.newCachedThreadPool());
    hungServer.createContext("/status", ex -> {}); // accepts, never answers
    hungServer.start();
    List<String> changes = new CopyOnWriteArrayList<>();
    try (HealthMonitor monitor =
        new HealthMonitor(
            NodeAdminClient.create(Duration.ofMillis(500)),
            Executors.newSingleThreadScheduledExecutor(),
            Executors.newFixedThreadPool(2),
            changes::add)) {
      int port = server.getAddress().getPort();
      long start = System.nanoTime();
      monitor.watch(
          "ns/db",
          List.of(
              new PollTarget(
                  "hung",
                  "u1",
                  URI.create("http://127.0.0.1:" + hungServer.getAddress().getPort())),
              new PollTarget("ok", "u2", URI.create("http://127.0.0.1:" + port))),
          "token",
          Duration.ofMillis(200),
          Duration.ofMillis(300));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> {
                NodeObservation ok = monitor.observations("ns/db").get("ok");
                return ok != null && ok.reachable();
              });
      assertThat(monitor.observations("ns/db").get("ok").status().role()).isEqualTo("slave");
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> {
                NodeObservation hung = monitor.observations("ns/db").get("hung");
                return hung != null && hung.unreachable(2);
              });
      assertThat(changes).contains("ns/db");
    } finally {
      server.stop(0);
      hungServer.stop(0);
    }
  }
}
