package io.distdb.adminapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeAdminClientTest {

  private static final String STATUS =
      "{\"nodeId\":\"n1\",\"role\":\"slave\",\"state\":\"ready\",\"lastLsn\":7,\"durableLsn\":7,"
          + "\"appliedLsn\":6,\"epoch\":2,\"addedLater\":true,"
          + "\"slave\":{\"master\":\"m:7432\",\"state\":\"streaming\",\"lagEntries\":1}}";

  private HttpServer server;
  private URI base;
  private volatile String seenAuthorization;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        NodeEnvironment.PATH_STATUS,
        exchange -> {
          seenAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
          boolean ok = "Bearer secret".equals(seenAuthorization);
          byte[] body = (ok ? STATUS : "{}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsStatusWithBearerTokenAndIgnoresUnknownFields() throws Exception {
    NodeStatus status =
        NodeAdminClient.create(Duration.ofSeconds(1)).status(base, "secret", Duration.ofSeconds(2));
    assertThat(seenAuthorization).isEqualTo("Bearer secret");
    assertThat(status.role()).isEqualTo("slave");
    assertThat(status.appliedLsn()).isEqualTo(6);
    assertThat(status.slave().lagEntries()).isEqualTo(1);
  }

  @Test
  void nonOkAnswerIsAnIoException() {
    assertThatThrownBy(
            () ->
                NodeAdminClient.create(Duration.ofSeconds(1))
                    .status(base, "wrong", Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("401");
  }
}
