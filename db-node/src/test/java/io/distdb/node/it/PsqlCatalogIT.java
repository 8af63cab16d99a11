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
 * psql's backslash commands against distdb: {@code psql/catalog.sql} creates two databases and
 * tables, then runs {@code \l}, {@code \dt}, {@code \d t}, {@code \dn}, {@code \du}, {@code \di}
 * and {@code select version()}; psql's whole output must equal {@code psql/catalog.expected}.
 *
 * <p>The output of {@code \dt}, {@code \dt t*}, {@code \d}, {@code \d t}, {@code \d u},
 * {@code \d nosuch}, {@code \dn} and {@code \di} is byte for byte what PostgreSQL 15 printed for
 * the same schema and user. The intentional differences: {@code \l} lists only distdb's databases
 * (no postgres, template0, template1) with collation C (H2 compares strings by code point);
 * {@code \du} lists only the node's one user; {@code version()} names distdb; and the last
 * query, on a catalog distdb does not emulate, fails (42P01) where PostgreSQL answers — the point
 * is that the connection stays usable afterwards.
 */
class PsqlCatalogIT {

  @TempDir Path dir;

  @Test
  void psqlBackslashCommandsPrintWhatPostgresPrints() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")),
        "psql is not installed (Debian package postgresql-client); .ci/run installs it");
    Files.write(dir.resolve("catalog.sql"), resource("psql/catalog.sql"));
    String expected = new String(resource("psql/catalog.expected"), StandardCharsets.UTF_8);

    Node node = InProcessNode.start(dir.resolve("data"));
    try {
      ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1",
          "-p", String.valueOf(node.pgPort()), "-U", InProcessNode.USER, "-d", "distdb",
          "-f", "catalog.sql")
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
      // version() names the machine's architecture; the expected text was recorded on x86_64.
      assertThat(output.replaceFirst(" on [^ ,]+-linux-gnu, ", " on x86_64-pc-linux-gnu, "))
          .isEqualTo(expected);
      assertThat(p.exitValue()).isZero();
    } finally {
      node.close();
    }
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = PsqlCatalogIT.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
