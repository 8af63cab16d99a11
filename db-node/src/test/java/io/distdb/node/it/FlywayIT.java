package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.distdb.node.Node;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.QueryRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway (core + its PostgreSQL module, from Maven Central) against a distdb master with two
 * slaves, with its defaults: each migration and its history row in one transaction, an advisory
 * lock around the run. Three migrations apply, {@code info} and {@code validate} agree, a fourth
 * that fails half-way leaves nothing behind, and the slaves end with the same schema and rows.
 */
class FlywayIT {

  @TempDir Path dir;

  @Test
  void migratesInTransactionsAndAFailedMigrationLeavesNothing() throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(
        migrations.resolve("V1__authors.sql"),
        """
        CREATE TABLE author (id SERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now());
        INSERT INTO author (name) VALUES ('Austen'), ('Joyce');
        """);
    Files.writeString(
        migrations.resolve("V2__books.sql"),
        """
        CREATE TABLE book (id BIGSERIAL PRIMARY KEY,
            author_id INT NOT NULL REFERENCES author (id), title TEXT);
        CREATE INDEX book_author ON book (author_id);
        INSERT INTO book (author_id, title) VALUES (1, 'Emma'), (2, 'Ulysses');
        """);
    Files.writeString(
        migrations.resolve("V3__emails.sql"),
        """
        ALTER TABLE author ADD COLUMN email VARCHAR(254);
        UPDATE author SET email = lower(name) || '@example.org';
        ALTER TABLE book ALTER COLUMN title SET NOT NULL;
        """);
    try (Cluster cluster = Cluster.start(dir.resolve("cluster"), 2)) {
      Flyway flyway = flyway(cluster.master(), migrations);
      assertThat(flyway.migrate().migrationsExecuted).isEqualTo(3);
      flyway.validate();
      assertThat(states(flyway)).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");

      Files.writeString(
          migrations.resolve("V4__broken.sql"),
          """
          CREATE TABLE review (id INT PRIMARY KEY, book_id BIGINT REFERENCES book (id));
          INSERT INTO review VALUES (1, 1);
          ALTER TABLE author ADD COLUMN rating INT;
          UPDATE author SET name = 'nobody';
          SELECT no_such_function();
          """);
      Flyway again = flyway(cluster.master(), migrations);
      assertThatThrownBy(again::migrate).isInstanceOf(FlywayException.class);

      for (Node node : cluster.nodes()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  try (Connection c = InProcessNode.connect(node, "distdb")) {
                    assertThat(
                            QueryRows.of(
                                c,
                                "SELECT version, success FROM flyway_schema_history"
                                    + " WHERE version IS NOT NULL ORDER BY installed_rank"))
                        .containsExactly("1|t", "2|t", "3|t");
                    assertThat(QueryRows.of(c, "SELECT name, email FROM author ORDER BY id"))
                        .containsExactly("Austen|austen@example.org", "Joyce|joyce@example.org");
                    assertThat(QueryRows.of(c, "SELECT title FROM book ORDER BY id"))
                        .containsExactly("Emma", "Ulysses");
                    assertThat(
                            QueryRows.of(
                                c,
                                "SELECT table_name FROM information_schema.tables"
                                    + " WHERE table_name = 'review'"))
                        .isEmpty();
                    assertThat(
                            QueryRows.of(
                                c,
                                "SELECT column_name FROM information_schema.columns"
                                    + " WHERE table_name = 'author' ORDER BY ordinal_position"))
                        .containsExactly("id", "name", "created_at", "email");
                  }
                });
      }
      Files.delete(migrations.resolve("V4__broken.sql"));
      Flyway after = flyway(cluster.master(), migrations);
      after.validate();
      assertThat(states(after)).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
    }
  }

  private static Flyway flyway(Node master, Path migrations) {
    return Flyway.configure()
        .dataSource(InProcessNode.url(master, "distdb"), InProcessNode.USER, InProcessNode.PASSWORD)
        .locations("filesystem:" + migrations)
        .load();
  }

  private static List<String> states(Flyway flyway) {
    List<String> out = new ArrayList<>();
    for (MigrationInfo i : flyway.info().all()) {
      if (i.getVersion() != null) {
        out.add(
            i.getVersion()
                + ":"
                + (i.getState() == MigrationState.SUCCESS ? "SUCCESS" : i.getState()));
      }
    }
    return out;
  }
}
