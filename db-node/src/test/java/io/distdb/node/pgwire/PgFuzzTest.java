package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Garbage on raw sockets (random frames, plausible frames with garbled bodies, truncated and
 * oversized ones) must never take the server down or disturb a healthy connection next to it.
 */
class PgFuzzTest {

  private static final String HEALTHY = "select id, name from t";
  private static final String TYPES = "QPBDESHCXpFdcf";
  private static final int FRAMES = 2_000;

  private final FakeSqlService service =
      new FakeSqlService()
          .rows(
              HEALTHY,
              List.of(new Column("id", PgType.INT4), new Column("name", PgType.TEXT)),
              List.<Object[]>of(new Object[] {1, "one"}, new Object[] {2, "two"}));
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        new PgServer(
            PgServerConfig.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withWorkerThreads(2)
                .withMaxMessageSize(64 * 1024),
            service,
            Authenticator.trust());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void garbageNeverHurtsTheServerOrOtherConnections() throws Exception {
    AtomicBoolean fuzzing = new AtomicBoolean(true);
    AtomicInteger healthyQueries = new AtomicInteger();
    CompletableFuture<Void> healthy =
        CompletableFuture.runAsync(
            () -> {
              try (Connection c =
                  DriverManager.getConnection(
                      "jdbc:postgresql://127.0.0.1:" + server.port() + "/db", "u", "")) {
                while (fuzzing.get() || healthyQueries.get() == 0) {
                  try (Statement st = c.createStatement();
                      ResultSet rs = st.executeQuery(HEALTHY)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).isEqualTo("one");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.next()).isFalse();
                  }
                  healthyQueries.incrementAndGet();
                }
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });

    Random random = new Random(20240131);
    int sent = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sent < FRAMES && System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
        socket.setSoTimeout(50);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        boolean startup = random.nextInt(4) != 0;
        if (startup) {
          out.write(ClientFrames.bytes(ClientFrames.startup(Map.of("user", "fuzz"))));
        }
        for (int i = 0; i < 1 + random.nextInt(20) && sent < FRAMES; i++, sent++) {
          out.write(randomFrame(random));
          drain(in);
        }
      } catch (IOException expected) {
        // The server closing on a protocol violation shows up here as a reset or broken pipe.
      }
    }
    fuzzing.set(false);
    healthy.get(20, TimeUnit.SECONDS);

    assertThat(sent).isGreaterThan(500);
    assertThat(healthyQueries.get()).isPositive();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/db", "u", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(HEALTHY)) {
      assertThat(rs.next()).isTrue();
    }
  }

  private static void drain(InputStream in) {
    try {
      byte[] buf = new byte[8192];
      while (in.available() > 0 && in.read(buf) > 0) {
        // discard
      }
    } catch (IOException ignored) {
      // closed by the server
    }
  }

  private static byte[] randomFrame(Random random) {
    ByteBuf buf = Unpooled.buffer();
    try {
      switch (random.nextInt(6)) {
        case 0: // pure noise
          byte[] noise = new byte[1 + random.nextInt(64)];
          random.nextBytes(noise);
          buf.writeBytes(noise);
          break;
        case 1: // known type, random body, honest length
          byte[] body = new byte[random.nextInt(48)];
          random.nextBytes(body);
          buf.writeByte(TYPES.charAt(random.nextInt(TYPES.length())))
              .writeInt(body.length + 4)
              .writeBytes(body);
          break;
        case 2: // known type, lying length (too short, huge, negative)
          buf.writeByte(TYPES.charAt(random.nextInt(TYPES.length())))
              .writeInt(random.nextBoolean() ? random.nextInt(4) : random.nextInt());
          break;
        case 3: // a valid message garbled in one byte
          ByteBuf valid =
              ClientFrames.concat(
                  ClientFrames.parse("", "select $1", 23),
                  ClientFrames.bind("", "", new String[] {"1"}, (short) 1),
                  ClientFrames.execute("", 0),
                  ClientFrames.sync());
          valid.setByte(random.nextInt(valid.readableBytes()), random.nextInt(256));
          buf.writeBytes(valid);
          valid.release();
          break;
        case 4: // valid but unknown statements and portals
          ByteBuf ok =
              ClientFrames.concat(
                  ClientFrames.describe('S', "x" + random.nextInt(9)),
                  ClientFrames.execute("p", random.nextInt(3)),
                  ClientFrames.query(HEALTHY),
                  ClientFrames.sync());
          buf.writeBytes(ok);
          ok.release();
          break;
        default: // truncated valid message
          ByteBuf q = ClientFrames.query(HEALTHY);
          buf.writeBytes(q, 0, 1 + random.nextInt(q.readableBytes() - 1));
          q.release();
      }
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }
}
