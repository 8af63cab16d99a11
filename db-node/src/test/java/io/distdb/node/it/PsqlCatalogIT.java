package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PsqlScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql's backslash commands against distdb: {@code psql/catalog.sql} creates two databases and
 * tables, then runs {@code \l}, {@code \dt}, {@code \d t}, {@code \dn}, {@code \du}, {@code \di}
 * and {@code select version()}; psql's whole output must equal {@code psql/catalog.expected}.
 *
 * <p>The output of {@code \dt}, {@code \dt t*}, {@code \d}, {@code \d t}, {@code \d u}, {@code \d
 * nosuch}, {@code \dn} and {@code \di} is byte for byte what PostgreSQL 15 printed for the same
 * schema and user. The intentional differences: {@code \l} lists distdb's databases (with postgres,
 * and template0/template1 as PostgreSQL lists them), all owned by the node's user, with collation C
 * (H2 compares strings by code point); {@code \du} lists only the node's one user; {@code
 * version()} names distdb; and the last query, on a catalog distdb does not emulate, fails (42P01)
 * where PostgreSQL answers — the point is that the connection stays usable afterwards.
 */
class PsqlCatalogIT {

  @TempDir Path dir;

  @Test
  void psqlBackslashCommandsPrintWhatPostgresPrints() throws Exception {
    PsqlScript.assumePsql();
    try (Node node = InProcessNode.start(dir.resolve("data"))) {
      PsqlScript.Result r = PsqlScript.run(dir, node.pgPort(), "catalog");
      // version() names the machine's architecture; the expected text was recorded on x86_64.
      assertThat(r.output().replaceFirst(" on [^ ,]+-linux-gnu, ", " on x86_64-pc-linux-gnu, "))
          .isEqualTo(PsqlScript.expected("catalog"));
      assertThat(r.exitCode()).isZero();
    }
  }

  /**
   * {@code \l+} adds each database's size: the node's databases have one, the two templates
   * (listed, without storage) none, where {@code pg_database_size} of an unknown name fails with
   * 3D000.
   */
  @Test
  void listWithSizesNamesEveryDatabase() throws Exception {
    PsqlScript.assumePsql();
    try (Node node = InProcessNode.start(dir.resolve("data"))) {
      PsqlScript.Result r = PsqlScript.run(dir, node.pgPort(), "list-sizes");
      assertThat(r.exitCode()).as(r.output()).isZero();
      assertThat(r.output()).contains("template0", "template1").containsPattern("distdb .* kB");
    }
  }
}
