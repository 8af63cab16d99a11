package io.distdb.operator.reconciler;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fake db-node admin APIs, one per loopback IP (127.0.1.10-60 is this module's range), all on the
 * same port (picked by the first bind), answering {@code /status} with a canned document.
 */
public final class FakeNodes implements AutoCloseable {

  private final List<HttpServer> servers = new ArrayList<>();
  private int port;

  /** Fake nodes on a port the first one picks. */
  FakeNodes() {
    this(0);
  }

  /** Fake nodes on {@code port} (db-node's admin port, for an operator polling its default). */
  public FakeNodes(int port) {
    this.port = port;
  }

  /** Starts a fake node on {@code ip} answering {@code statusJson}. */
  public FakeNodes serve(String ip, String statusJson) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(ip, port), 0);
    server.createContext(
        "/status",
        ex -> {
          byte[] body = statusJson.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    port = server.getAddress().getPort();
    servers.add(server);
    return this;
  }

  /** The port every fake node listens on (0 before the first one). */
  int port() {
    return port;
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
