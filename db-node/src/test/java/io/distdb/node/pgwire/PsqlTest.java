package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.StaticCredentials;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real psql binary (libpq, simple query protocol, SCRAM), when it is installed. */
class PsqlTest {

  private static final File PSQL = new File("/usr/bin/psql");

  private final FakeSqlService service =
      new FakeSqlService()
          .rows(
              "select id, name, ts, price from t",
              List.of(
                  new Column("id", PgType.INT4),
                  new Column("name", PgType.TEXT),
                  new Column("ts", PgType.TIMESTAMP),
                  new Column("price", PgType.NUMERIC)),
              List.<Object[]>of(
                  new Object[] {
                    1, "one", LocalDateTime.of(2024, 1, 31, 13, 45), new BigDecimal("1.50")
                  },
                  new Object[] {2, null, LocalDateTime.of(2024, 2, 1, 0, 0, 0, 500_000_000), null}))
          .error("select boom", "42703", "column \"boom\" does not exist");
  private PgServer server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(PSQL.canExecute(), "psql is not installed");
    server =
        new PgServer(
            PgServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkerThreads(1),
            service,
            Authenticator.scramSha256(new StaticCredentials("u", "pw")));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Result psql(String password, String sql) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                PSQL.getPath(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(server.port()),
                "-U",
                "u",
                "-d",
                "db",
                "-X",
                "-A",
                "-t",
                "-c",
                sql)
            .redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "5");
    Process p = pb.start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("psql finished").isTrue();
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Result(int exit, String output) {}

  @Test
  void selectsThroughPsql() throws Exception {
    Result r = psql("pw", "select id, name, ts, price from t");
    assertThat(r.output()).isEqualTo("1|one|2024-01-31 13:45:00|1.50\n2||2024-02-01 00:00:00.5|\n");
    assertThat(r.exit()).isZero();
  }

  @Test
  void reportsErrorsAndWrongPasswords() throws Exception {
    Result error = psql("pw", "select boom");
    assertThat(error.exit()).isNotZero();
    assertThat(error.output()).contains("ERROR:  column \"boom\" does not exist");
    Result denied = psql("nope", "select id, name, ts, price from t");
    assertThat(denied.exit()).isNotZero();
    assertThat(denied.output()).contains("password authentication failed for user \"u\"");
  }
}
