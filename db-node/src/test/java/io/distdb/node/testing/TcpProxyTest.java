package io.distdb.node.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  private EchoServer echo;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    proxy = TcpProxy.start(echo.port());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void passForwardsBothWays() throws IOException {
    try (Socket s = connect()) {
      send(s, "hello");
      assertThat(receive(s, 5)).isEqualTo("hello");
    }
  }

  @Test
  void passCarriesALargeStreamIntact() throws Exception {
    byte[] data = new byte[2 * 1024 * 1024];
    new Random(1).nextBytes(data);
    try (Socket s = connect()) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  s.getOutputStream().write(data);
                } catch (IOException ignored) {
                  // the reader's assertion reports the failure
                }
              });
      writer.start();
      byte[] back = s.getInputStream().readNBytes(data.length);
      writer.join(10_000);
      assertThat(back).isEqualTo(data);
    }
  }

  @Test
  void blackholeForwardsNothingUntilSwitchedBack() throws IOException {
    try (Socket s = connect()) {
      send(s, "ping");
      assertThat(receive(s, 4)).isEqualTo("ping");

      proxy.mode(TcpProxy.Mode.BLACKHOLE);
      send(s, "lost");
      s.setSoTimeout(300);
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(s.isClosed()).isFalse();

      proxy.mode(TcpProxy.Mode.PASS);
      send(s, "back");
      assertThat(receive(s, 4)).isEqualTo("back"); // the blackholed bytes are gone for good
    }
  }

  @Test
  void blackholeAppliesToNewConnections() throws IOException {
    proxy.mode(TcpProxy.Mode.BLACKHOLE);
    try (Socket s = connect()) {
      send(s, "anyone?");
      s.setSoTimeout(300);
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void dropClosesOpenConnectionsAndNewOnes() throws IOException {
    try (Socket s = connect()) {
      send(s, "hi");
      assertThat(receive(s, 2)).isEqualTo("hi");
      proxy.mode(TcpProxy.Mode.DROP);
      assertClosedByPeer(s);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
    try (Socket s = connect()) {
      assertClosedByPeer(s);
    }

    proxy.mode(TcpProxy.Mode.PASS);
    try (Socket s = connect()) {
      send(s, "again");
      assertThat(receive(s, 5)).isEqualTo("again");
    }
  }

  @Test
  void delayHoldsDataBackAtLeastTheDelay() throws IOException {
    proxy.mode(TcpProxy.Mode.delay(200));
    try (Socket s = connect()) {
      long start = System.nanoTime();
      send(s, "slow");
      assertThat(receive(s, 4)).isEqualTo("slow");
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
    }
  }

  @Test
  void delayKeepsOrderWhenSwitchingBackToPass() throws IOException {
    proxy.mode(TcpProxy.Mode.delay(300));
    try (Socket s = connect()) {
      send(s, "first-");
      proxy.mode(TcpProxy.Mode.PASS);
      send(s, "second");
      assertThat(receive(s, 12)).isEqualTo("first-second");
    }
  }

  @Test
  void onlyForwardsToLoopback() {
    assertThatThrownBy(() -> TcpProxy.start(new InetSocketAddress("192.0.2.1", 80)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TcpProxy.start(InetSocketAddress.createUnresolved("localhost", 80)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(proxy.address().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void closeReleasesThePortAndConnections() throws IOException {
    Socket s = connect();
    send(s, "x");
    assertThat(receive(s, 1)).isEqualTo("x");
    int port = proxy.port();
    proxy.close();
    assertClosedByPeer(s);
    s.close();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(IOException.class);
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), proxy.port());
    s.setSoTimeout(5_000); // bounds every blocking read in these tests
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String receive(Socket s, int n) throws IOException {
    byte[] b = s.getInputStream().readNBytes(n);
    return new String(b, StandardCharsets.US_ASCII);
  }

  private static void assertClosedByPeer(Socket s) throws IOException {
    s.setSoTimeout(5_000);
    try {
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    } catch (SocketException reset) {
      // a reset is an acceptable way for the proxy to close, too
    }
  }

  /** Blocking echo server on 127.0.0.1:0, a thread per connection; close() stops everything. */
  static final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    EchoServer() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      Thread acceptor = new Thread(this::acceptLoop, "echo-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          sockets.add(s);
          Thread t = new Thread(() -> echo(s), "echo-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private static void echo(Socket s) {
      try (s;
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // connection gone
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
