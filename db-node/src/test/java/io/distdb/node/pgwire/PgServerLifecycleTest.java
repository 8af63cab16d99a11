package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.distdb.node.pgwire.auth.Authenticator;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Threading, flow control and shutdown of a running server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PgServerLifecycleTest {

  private static final int BIG_ROWS = 100_000;
  private static final String KILOBYTE = "x".repeat(1024);

  private final CountDownLatch slowGate = new CountDownLatch(1);
  private final FakeSqlService service =
      new FakeSqlService()
          .blockUntil("select slow", slowGate)
          .command("select fast", "SELECT 1")
          .generate("select big", BIG_ROWS, KILOBYTE);
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    // One I/O thread: if SQL ran on it, the slow statement would stall every connection.
    server =
        new PgServer(
            PgServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkerThreads(1),
            service,
            Authenticator.trust());
    server.start();
  }

  @AfterEach
  void stop() {
    slowGate.countDown();
    server.close();
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/db", "u", "");
  }

  @Test
  void slowStatementDoesNotBlockOtherConnections() throws Exception {
    try (Connection slow = connect();
        Connection fast = connect()) {
      CompletableFuture<Boolean> slowRun =
          CompletableFuture.supplyAsync(
              () -> {
                try (Statement st = slow.createStatement()) {
                  return st.execute("select slow");
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !service.executedSql("select slow").isEmpty());
      for (int i = 0; i < 20; i++) {
        try (Statement st = fast.createStatement()) {
          st.execute("select fast");
        }
      }
      assertThat(slowRun).isNotDone();
      slowGate.countDown();
      slowRun.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void unreadResultsStopTheCursorInsteadOfFillingMemory() throws Exception {
    try (Socket socket = new Socket()) {
      // A fixed small receive buffer turns off autotuning (up to 32 MiB here), so what the
      // server may produce ahead is bounded by its own buffers and its send buffer.
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = socket.getOutputStream();
      out.write(ClientFrames.bytes(ClientFrames.startup(Map.of("user", "u"))));
      out.write(ClientFrames.bytes(ClientFrames.query("select big")));
      out.flush();
      // Nobody reads: production must stall at roughly socket buffers + the high-water mark.
      // Wait until production stops (on a loaded machine it takes a while to get there).
      var previous = new java.util.concurrent.atomic.AtomicLong(-1);
      await()
          .pollInterval(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                long now = service.generatedRows.get();
                return now > 0 && now == previous.getAndSet(now);
              });
      long stalledAt = service.generatedRows.get();
      Thread.sleep(300);
      assertThat(service.generatedRows.get()).isEqualTo(stalledAt).isLessThan(BIG_ROWS / 10);

      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      int dataRows = 0;
      boolean sawQueryEnd = false;
      int readyCount = 0;
      while (readyCount < 2) { // one after startup, one after the query
        char type = (char) in.readByte();
        int length = in.readInt();
        in.skipNBytes(length - 4);
        if (type == 'D') {
          dataRows++;
        } else if (type == 'C') {
          sawQueryEnd = true;
        } else if (type == 'Z') {
          readyCount++;
        }
      }
      assertThat(sawQueryEnd).isTrue();
      assertThat(dataRows).isEqualTo(BIG_ROWS);
    }
  }

  @Test
  void closeEndsEverySession() throws Exception {
    Connection a = connect();
    Connection b = connect();
    try (Statement st = a.createStatement()) {
      st.execute("select fast");
    }
    assertThat(service.openSessions.get()).isEqualTo(2);
    server.close();
    assertThat(service.closedSessions.get()).isEqualTo(2);
    assertThat(b.isValid(1)).isFalse();
    a.close();
    b.close();
  }
}
