package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.distdb.node.Node;
import io.distdb.node.pgwire.ServerMessages;
import io.distdb.node.pgwire.ServerMessages.Msg;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.RawPgClient;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL port's resource limits and cancellation, provoked against real nodes: one with
 * SCRAM (through pgjdbc) and one with trust authentication (through a raw socket, for what a driver
 * will not send). Every test also checks the node still serves other sessions.
 */
class ClientLimitsIT {

  /** Tens of billions of row combinations: runs until something stops it. */
  static final String SLOW = "select count(*) from big a, big b, big c, big d, big e";

  static final InetAddress OPERATOR = address("127.0.0.1");
  static final InetAddress CLIENT = address("127.0.0.2");

  @TempDir static Path dir;
  static Node scram;
  static Node trust;

  @BeforeAll
  static void start() throws Exception {
    scram =
        InProcessNode.start(
            dir.resolve("scram"),
            "--max-connections",
            "4",
            "--reserved-connections",
            "1",
            "--reserved-connections-from",
            "127.0.0.1",
            "--authentication-timeout-ms",
            "1500",
            "--max-prepared-statements",
            "5");
    trust =
        InProcessNode.start(
            dir.resolve("trust"), "--auth", "trust", "--statement-timeout-ms", "400");
    String values =
        IntStream.rangeClosed(1, 100).mapToObj(i -> "(" + i + ")").collect(Collectors.joining(","));
    for (Node n : new Node[] {scram, trust}) {
      try (Connection c = connect(n, OPERATOR);
          Statement s = c.createStatement()) {
        s.execute("set statement_timeout = 0");
        s.execute("create table big (x int)");
        s.execute("insert into big values " + values);
      }
    }
  }

  @AfterAll
  static void stop() {
    for (Node n : new Node[] {scram, trust}) {
      if (n != null) {
        n.close();
      }
    }
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Connection connect(Node node, InetAddress from) throws SQLException {
    return connect(node, from, InProcessNode.PASSWORD, new Properties());
  }

  static Connection connect(Node node, InetAddress from, String password, Properties extra)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", InProcessNode.USER);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "10");
    p.setProperty("socketTimeout", "60");
    p.setProperty("localSocketAddress", from.getHostAddress());
    p.putAll(extra);
    return DriverManager.getConnection(InProcessNode.url(node, "distdb"), p);
  }

  static int selectOne(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void maxConnectionsKeepsReservedSlotsForTheOperator() throws Exception {
    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(connect(scram, CLIENT));
      }
      assertThatThrownBy(() -> connect(scram, CLIENT))
          .isInstanceOf(PSQLException.class)
          .hasMessageContaining("remaining connection slots are reserved")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("53300");
      open.add(connect(scram, OPERATOR));
      assertThatThrownBy(() -> connect(scram, OPERATOR))
          .hasMessageContaining("sorry, too many clients already")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("53300");
      for (Connection c : open) {
        assertThat(selectOne(c)).isEqualTo(1);
      }
      open.remove(0).close();
      open.remove(0).close();
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () -> {
                open.add(connect(scram, CLIENT));
                return true;
              });
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
  }

  @Test
  void aSocketThatNeverAuthenticatesIsClosed() throws Exception {
    try (RawPgClient silent = RawPgClient.connect(scram.pgPort());
        RawPgClient slowSasl = RawPgClient.connect(scram.pgPort())) {
      long start = System.nanoTime();
      // The second one gets as far as the SASL offer and then stalls.
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64);
      b.putInt(196608).put("user\0distdb\0\0".getBytes(StandardCharsets.US_ASCII));
      slowSasl.send(RawPgClient.withLength(b));
      assertThat(slowSasl.read().type()).isEqualTo('R');
      assertThat(silent.closedByServer(10_000)).isTrue();
      assertThat(slowSasl.closedByServer(10_000)).isTrue();
      assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1_000));
    }
    try (Connection c = connect(scram, OPERATOR)) {
      assertThat(selectOne(c)).isEqualTo(1);
    }
  }

  @Test
  void preparedStatementsPerSessionAreLimited() throws Exception {
    Properties serverPrepared = new Properties();
    serverPrepared.setProperty("prepareThreshold", "1");
    // No driver-side cache: closing a statement then closes it on the server.
    serverPrepared.setProperty("preparedStatementCacheQueries", "0");
    try (Connection c = connect(scram, OPERATOR, InProcessNode.PASSWORD, serverPrepared)) {
      List<PreparedStatement> kept = new ArrayList<>();
      SQLException failure = null;
      for (int i = 0; i < 6 && failure == null; i++) {
        PreparedStatement ps = c.prepareStatement("select " + i + " from big where x = ?");
        ps.setInt(1, 1);
        try {
          ps.executeQuery().close();
          kept.add(ps);
        } catch (SQLException e) {
          failure = e;
        }
      }
      assertThat((Object) failure).isNotNull();
      assertThat(failure.getSQLState()).isEqualTo("54000");
      assertThat(kept).hasSize(5);
      // Closing frees them: the session can prepare again.
      for (PreparedStatement ps : kept) {
        ps.close();
      }
      assertThat(selectOne(c)).isEqualTo(1);
    }
  }

  @Test
  void statementTimeoutCancelsTheStatementAndTheSessionGoesOn() throws Exception {
    try (Connection c = connect(scram, OPERATOR);
        Statement s = c.createStatement()) {
      s.execute("set statement_timeout = '300ms'");
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery(SLOW))
          .hasMessageContaining("canceling statement due to statement timeout")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(20));
      s.execute("set statement_timeout = 0");
      assertThat(selectOne(c)).isEqualTo(1);
      assertThatThrownBy(() -> s.execute("set statement_timeout = 'soon'"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22023");
    }
  }

  @Test
  void jdbcCancelAndQueryTimeoutStopARunningQuery() throws Exception {
    try (Connection c = connect(scram, OPERATOR);
        Statement s = c.createStatement()) {
      CompletableFuture<Void> canceller =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(300);
                  s.cancel();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThatThrownBy(() -> s.executeQuery(SLOW))
          .hasMessageContaining("canceling statement due to user request")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      canceller.get(10, TimeUnit.SECONDS);
      assertThat(selectOne(c)).isEqualTo(1);
      s.setQueryTimeout(1);
      assertThatThrownBy(() -> s.executeQuery(SLOW))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      s.setQueryTimeout(0);
      assertThat(selectOne(c)).isEqualTo(1);
    }
  }

  @Test
  void aRawCancelRequestWithTheBackendKeyCancels() throws Exception {
    try (RawPgClient client = RawPgClient.connect(trust.pgPort())) {
      assertThat(ServerMessages.types(client.startup("distdb", "distdb"))).contains("K");
      assertThat(ServerMessages.types(client.query("set statement_timeout = 0"))).isEqualTo("CZ");
      client.sendQuery(SLOW.getBytes(StandardCharsets.UTF_8));
      Thread.sleep(300); // let the query start; a cancel between statements is dropped
      RawPgClient.cancel(trust.pgPort(), client);
      List<Msg> reply = client.readUntil('Z');
      Msg error = reply.stream().filter(m -> m.type() == 'E').findFirst().orElseThrow();
      assertThat(error.fields())
          .containsEntry('C', "57014")
          .containsEntry('M', "canceling statement due to user request");
      assertThat(ServerMessages.types(client.query("select 1"))).isEqualTo("TDCZ");
    }
  }

  @Test
  void theNodeDefaultStatementTimeoutApplies() throws Exception {
    try (RawPgClient client = RawPgClient.connect(trust.pgPort())) {
      client.startup("distdb", "distdb");
      List<Msg> shown = client.query("show statement_timeout");
      assertThat(shown.get(1).textValues()).containsExactly("400");
      List<Msg> reply = client.query(SLOW);
      assertThat(reply.get(reply.size() - 2).fields())
          .containsEntry('C', "57014")
          .containsEntry('M', "canceling statement due to statement timeout");
    }
  }

  @Test
  void idleInTransactionEndsTheConnectionButIdleOutsideDoesNot() throws Exception {
    try (RawPgClient inTx = RawPgClient.connect(trust.pgPort());
        RawPgClient outside = RawPgClient.connect(trust.pgPort())) {
      for (RawPgClient c : List.of(inTx, outside)) {
        c.startup("distdb", "distdb");
        c.query("set idle_in_transaction_session_timeout = 500");
      }
      assertThat(ServerMessages.types(inTx.query("begin"))).isEqualTo("CZ");
      Msg fatal = inTx.read();
      assertThat(fatal.fields())
          .containsEntry('S', "FATAL")
          .containsEntry('C', "25P03")
          .containsEntry('M', "terminating connection due to idle-in-transaction timeout");
      assertThat(inTx.closedByServer(5_000)).isTrue();
      assertThat(outside.closedByServer(200)).isFalse();
      assertThat(ServerMessages.types(outside.query("select 1"))).isEqualTo("TDCZ");
    }
  }

  @Test
  void invalidUtf8IsRejectedWith22021() throws Exception {
    try (RawPgClient client = RawPgClient.connect(trust.pgPort())) {
      client.startup("distdb", "distdb");
      client.sendQuery(new byte[] {'s', 'e', 'l', 'e', 'c', 't', ' ', '\'', (byte) 0xFF, '\''});
      List<Msg> reply = client.readUntil('Z');
      assertThat(reply.get(0).fields())
          .containsEntry('C', "22021")
          .containsEntry('M', "invalid byte sequence for encoding \"UTF8\": 0xff");
      assertThat(ServerMessages.types(client.query("select 1"))).isEqualTo("TDCZ");
    }
  }

  @Test
  void failedLoginsAreLoggedAndSlowedDownPerAddress() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("io.distdb.node.pgwire.StartupPhase");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(events);
    InetAddress guesser = address("127.0.0.3");
    try {
      long lastMillis = 0;
      for (int i = 0; i < 7; i++) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> connect(scram, guesser, "guess-" + 1234, new Properties()))
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("28P01");
        lastMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      // Failures 6 and 7 wait 250 and 500 ms.
      assertThat(lastMillis).isGreaterThanOrEqualTo(450);
      // Another address is not slowed down, and the right password still works.
      try (Connection c = connect(scram, OPERATOR)) {
        assertThat(selectOne(c)).isEqualTo(1);
      }
      try (Connection c = connect(scram, guesser)) {
        assertThat(selectOne(c)).isEqualTo(1);
      }
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
    List<ILoggingEvent> failures =
        events.list.stream()
            .filter(e -> e.getMessage().contains("password authentication failed"))
            .toList();
    assertThat(failures).hasSize(7);
    ILoggingEvent first = failures.get(0);
    assertThat(first.getLevel()).isEqualTo(Level.INFO);
    String pairs = String.valueOf(first.getKeyValuePairs());
    assertThat(pairs)
        .contains("user=\"" + InProcessNode.USER + "\"")
        .contains("remote=\"127.0.0.3\"");
    assertThat(pairs + first.getFormattedMessage()).doesNotContain("guess-1234");
  }
}
