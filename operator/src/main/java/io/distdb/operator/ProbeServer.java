package io.distdb.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/** The operator's own probes: {@code /healthz} while running, {@code /readyz} once started. */
final class ProbeServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicBoolean ready = new AtomicBoolean();

  ProbeServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", ex -> answer(ex, 200, "ok"));
    server.createContext(
        "/readyz", ex -> answer(ex, ready.get() ? 200 : 503, ready.get() ? "ok" : "starting"));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void markReady() {
    ready.set(true);
  }

  private static void answer(HttpExchange ex, int code, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
