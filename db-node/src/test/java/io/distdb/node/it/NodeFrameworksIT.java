package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeScript;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node.js PostgreSQL stack, unmodified, at the exact versions {@code node/package.json} pins:
 * node-postgres, knex, Sequelize 6 and TypeORM. Each script under {@code resources/node} runs once
 * against PostgreSQL 15 and once against a distdb master (its last reads on a slave) and must print
 * the same. Skipped where node or npm is missing; the packages are installed by {@code npm ci} into
 * {@code target/node-frameworks} (see {@link NodeScript}).
 */
class NodeFrameworksIT {

  @TempDir static Path dir;

  private static PostgresServer postgres;
  private static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    NodeScript.assumeInstalled();
    PostgresServer.assumeInstalled();
    NodeScript.install("pg_app.js", "knex_app.js", "sequelize_app.js", "typeorm_app.js");
    postgres = PostgresServer.start();
    cluster = Cluster.start(dir, 1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void nodePostgresAnswersLikePostgres() throws Exception {
    assertSameOutput("pg_app.js", "read lines");
  }

  @Test
  void knexAnswersLikePostgres() throws Exception {
    assertSameOutput("knex_app.js", "down migration");
  }

  @Test
  void sequelizeAnswersLikePostgres() throws Exception {
    assertSameOutput("sequelize_app.js", "after cascade");
  }

  @Test
  void typeormAnswersLikePostgres() throws Exception {
    assertSameOutput("typeorm_app.js", "members left");
  }

  private static void assertSameOutput(String script, String marker) throws Exception {
    String pgPort = String.valueOf(postgres.port());
    NodeScript.Result expected =
        NodeScript.run(script, "127.0.0.1", pgPort, "postgres", "", "postgres", pgPort);
    assertThat(expected.exitCode()).as(expected.output()).isZero();
    assertThat(expected.output()).contains(marker).endsWith("done\n");

    Node master = cluster.master();
    Node slave = cluster.slave(0);
    NodeScript.Result actual =
        NodeScript.run(
            script,
            "127.0.0.1",
            String.valueOf(master.pgPort()),
            InProcessNode.USER,
            InProcessNode.PASSWORD,
            "distdb",
            String.valueOf(slave.pgPort()));
    assertThat(actual.output()).isEqualTo(expected.output());
    assertThat(actual.exitCode()).isZero();
  }
}
