package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2 (Debian's python3-psycopg2) connects to distdb and round-trips the common types: the
 * script {@code python/psycopg2_types.py} must print the same lines against distdb as against a
 * real PostgreSQL 15. Skipped, saying why, where python3 or psycopg2 is missing.
 */
class PsycopgIT {

  /**
   * Debian's interpreter, which sees Debian's python3-psycopg2 (a pyenv python3 on PATH does not).
   */
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  @TempDir Path dir;

  @Test
  void psycopg2RoundTripsTypesLikePostgres() throws Exception {
    assumeTrue(
        run(List.of(PYTHON, "-c", "import psycopg2")).exitCode() == 0,
        "python3 with psycopg2 is not installed (Debian package python3-psycopg2)");
    PostgresServer.assumeInstalled();
    Path script = dir.resolve("psycopg2_types.py");
    try (InputStream in = getClass().getResourceAsStream("/python/psycopg2_types.py")) {
      Files.write(script, in.readAllBytes());
    }
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      Result want =
          run(
              List.of(
                  PYTHON,
                  script.toString(),
                  "127.0.0.1",
                  String.valueOf(pg.port()),
                  "postgres",
                  "",
                  "postgres"));
      Result got =
          run(
              List.of(
                  PYTHON,
                  script.toString(),
                  "127.0.0.1",
                  String.valueOf(node.pgPort()),
                  InProcessNode.USER,
                  InProcessNode.PASSWORD,
                  "distdb"));
      assertThat(want.exitCode()).as(want.output()).isZero();
      assertThat(got.output()).isEqualTo(want.output());
      assertThat(got.exitCode()).isZero();
    }
  }

  private record Result(String output, int exitCode) {}

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish within 60 s:\n" + output);
    }
    return new Result(output, p.exitValue());
  }
}
