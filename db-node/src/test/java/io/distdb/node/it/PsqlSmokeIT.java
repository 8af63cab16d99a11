package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a psql script against distdb and compares psql's whole output with what PostgreSQL 15
 * printed for the same script ({@code smoke.expected} was recorded against a real PostgreSQL 15,
 * errors compared by SQLSTATE).
 */
class PsqlSmokeIT {

  @TempDir Path dir;

  @Test
  void psqlScriptOutputMatchesPostgres() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")),
        "psql is not installed (Debian package postgresql-client); .ci/run installs it");
    Path script = dir.resolve("smoke.sql");
    Files.write(script, resource("psql/smoke.sql"));
    String expected = new String(resource("psql/smoke.expected"), StandardCharsets.UTF_8);

    Node node = InProcessNode.start(dir.resolve("data"));
    try {
      ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1",
          "-p", String.valueOf(node.pgPort()), "-U", InProcessNode.USER, "-d", "distdb",
          "-v", "maindb=distdb", "-f", "smoke.sql")
          .directory(dir.toFile())
          .redirectErrorStream(true);
      pb.environment().put("PGPASSWORD", InProcessNode.PASSWORD);
      pb.environment().put("PGCONNECT_TIMEOUT", "10");
      Process p = pb.start();
      String output;
      try (InputStream in = p.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).isEqualTo(expected);
      assertThat(p.exitValue()).isZero();
    } finally {
      node.close();
    }
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = PsqlSmokeIT.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
