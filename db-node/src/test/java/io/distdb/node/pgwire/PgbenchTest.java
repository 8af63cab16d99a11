package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.StaticCredentials;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pgbench with a custom script in each of its query modes, when it is installed. */
class PgbenchTest {

  private static final File PGBENCH = new File("/usr/bin/pgbench");
  private static final String LITERAL = "select abalance from pgbench_accounts where aid = 1";
  private static final String WITH_PARAM = "select abalance from pgbench_accounts where aid = $1";

  private final FakeSqlService service =
      new FakeSqlService()
          .rows(
              LITERAL,
              List.of(new Column("abalance", PgType.INT4)),
              List.<Object[]>of(new Object[] {0}))
          .rows(
              WITH_PARAM,
              List.of(new Column("abalance", PgType.INT4)),
              List.<Object[]>of(new Object[] {0}),
              PgType.INT4.oid());
  private PgServer server;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(PGBENCH.canExecute(), "pgbench is not installed");
    server =
        new PgServer(
            PgServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkerThreads(2),
            service,
            Authenticator.scramSha256(new StaticCredentials("bench", "pw")));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "extended", "prepared"})
  void runsACustomScript(String mode) throws Exception {
    String script =
        mode.equals("simple")
            ? "BEGIN;\n" + LITERAL + ";\nEND;\n"
            : "\\set aid random(1, 1000)\nBEGIN;\n"
                + LITERAL
                + ";\n"
                + WITH_PARAM.replace("$1", ":aid")
                + ";\nEND;\n";
    Path file = dir.resolve("bench.sql");
    Files.writeString(file, script);
    ProcessBuilder pb =
        new ProcessBuilder(
                PGBENCH.getPath(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(server.port()),
                "-U",
                "bench",
                "-n",
                "-M",
                mode,
                "-c",
                "4",
                "-t",
                "25",
                "-f",
                file.toString(),
                "db")
            .redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", "pw");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pgbench finished").isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("number of transactions actually processed: 100/100");
    assertThat(service.executedSql(LITERAL)).hasSize(100);
    if (!mode.equals("simple")) {
      assertThat(service.executedSql(WITH_PARAM))
          .hasSize(100)
          .allSatisfy(
              e -> assertThat(Integer.parseInt((String) e.params().get(0))).isBetween(1, 1000));
    }
  }
}
