package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.PsqlScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql 15's describe commands ({@code \d}, {@code \d+ t}, {@code \dt+}, {@code \di}, {@code \dv},
 * {@code \ds}, {@code \dn}, {@code \du}, {@code \df}, {@code \df+}, {@code \sf}, {@code \dx},
 * {@code \dT}, {@code \d+} of views, patterns and misses) answered by distdb's catalog exactly as
 * PostgreSQL 15 answers them for the same schema, owned by a user of the same name: {@code
 * psql/describe.sql} runs on both and the outputs must be equal.
 *
 * <p>The one normalisation: relation sizes ({@code \dt+}, {@code \di+}, {@code \ds+}) are the
 * storage engine's, not PostgreSQL's pages, so sizes become {@code <size>} and runs of blanks and
 * dashes are squeezed (the column widths follow the sizes' text).
 */
class PsqlDescribeIT {

  private static final Pattern SIZE = Pattern.compile("\\b\\d+ (bytes|kB|MB)\\b");

  @TempDir Path dir;

  @Test
  void describeCommandsPrintWhatPostgresPrints() throws Exception {
    PsqlScript.assumePsql();
    PostgresServer.assumeInstalled();
    String postgres;
    try (PostgresServer pg = PostgresServer.start()) {
      try (Connection c = pg.connect("postgres");
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE ROLE " + InProcessNode.USER + " LOGIN SUPERUSER PASSWORD 'unused-trust-auth'");
        s.execute("CREATE DATABASE distdb OWNER " + InProcessNode.USER);
      }
      postgres = run(pg.port(), "pg");
    }
    String distdb;
    try (Node node = InProcessNode.start(dir.resolve("data"))) {
      distdb = run(node.pgPort(), "distdb");
    }
    assertThat(normalised(distdb)).isEqualTo(normalised(postgres));
    assertThat(distdb)
        .contains("Table \"public.book\"", "Referenced by:", "List of functions")
        .contains("CREATE OR REPLACE FUNCTION pg_catalog.now()", "View definition:")
        .contains("more than one function named \"lower\"");
  }

  private String run(int port, String name) throws Exception {
    Path work = Files.createDirectories(dir.resolve(name));
    PsqlScript.Result r = PsqlScript.run(work, port, "describe");
    return r.output() + "\nexit " + r.exitCode();
  }

  private static String normalised(String output) {
    return SIZE.matcher(output)
        .replaceAll("<size>")
        .replaceAll(" {2,}", " ")
        .replaceAll("-{2,}", "-");
  }
}
