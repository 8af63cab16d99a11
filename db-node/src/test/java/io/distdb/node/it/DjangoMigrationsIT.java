package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.distdb.node.Node;
import io.distdb.node.testing.AdminClient;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.QueryRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact statements Django 3.2's {@code migrate} sends for its contrib apps (recorded from
 * PostgreSQL 15 with log_statement=all: {@code resources/django/contrib-migrations.sql}), each
 * migration in its transaction as Django ran it, against a master with two slaves: CREATE TABLE,
 * deferrable foreign keys, {@code varchar_pattern_ops} indexes, ALTER COLUMN TYPE and DROP NOT
 * NULL, DROP COLUMN ... CASCADE. A migration that fails half-way leaves nothing.
 */
class DjangoMigrationsIT {

  @TempDir Path dir;

  @Test
  void contribMigrationsRunInTransactionsAndReachTheSlaves() throws Exception {
    List<String> statements = recorded();
    try (Cluster cluster = Cluster.start(dir, 2);
        Connection c = InProcessNode.connect(cluster.master(), "distdb")) {
      replay(c, statements);

      for (Node node : cluster.nodes()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  try (Connection n = InProcessNode.connect(node, "distdb")) {
                    assertThat(QueryRows.of(n, "SELECT count(*) FROM django_migrations"))
                        .containsExactly("18");
                    assertThat(
                            QueryRows.of(
                                n,
                                "SELECT column_name FROM information_schema.columns"
                                    + " WHERE table_name = 'django_content_type'"
                                    + " ORDER BY column_name"))
                        .containsExactly("app_label", "id", "model");
                    assertThat(
                            QueryRows.of(
                                n,
                                "SELECT character_maximum_length, is_nullable"
                                    + " FROM information_schema.columns WHERE table_name ="
                                    + " 'auth_user' AND column_name IN ('username', 'last_login')"
                                    + " ORDER BY column_name"))
                        .containsExactly("null|YES", "150|NO");
                  }
                });
      }
      assertSameChecksums(cluster);

      // The ORM's first writes after migrate: a content type, its permission (deferred FK order).
      replay(
          c,
          List.of(
              "INSERT INTO django_content_type (app_label, model) VALUES ('auth', 'user')",
              "INSERT INTO auth_permission (name, content_type_id, codename)"
                  + " SELECT 'Can change user', id, 'change_user' FROM django_content_type"));
      assertSameChecksums(cluster);
    }
  }

  @Test
  void aMigrationFailingHalfWayLeavesNothing() throws Exception {
    List<String> statements = recorded();
    int drop = indexOf(statements, "DROP COLUMN \"name\"");
    // Everything before contenttypes 0002 (its BEGIN is two statements before the DROP COLUMN).
    List<String> before = statements.subList(0, drop - 2);
    try (Cluster cluster = Cluster.start(dir, 2);
        Connection c = InProcessNode.connect(cluster.master(), "distdb")) {
      replay(c, before);
      replay(
          c,
          List.of(
              "INSERT INTO django_content_type (name, app_label, model) VALUES ('u', 'auth', 'user')"));
      assertSameChecksums(cluster);
      var expected = new AdminClient(cluster.master().adminPort()).checksums();

      c.setAutoCommit(false);
      replay(c, statements.subList(drop - 1, drop + 1));
      assertThatThrownBy(
              () -> replay(c, List.of("ALTER TABLE django_content_type DROP COLUMN nope")))
          .isInstanceOf(SQLException.class);
      c.rollback();
      c.setAutoCommit(true);

      assertSameChecksums(cluster);
      assertThat(new AdminClient(cluster.master().adminPort()).checksums()).isEqualTo(expected);
      assertThat(QueryRows.of(c, "SELECT name, app_label FROM django_content_type"))
          .containsExactly("u|auth");
    }
  }

  private static void assertSameChecksums(Cluster cluster) throws Exception {
    AdminClient master = new AdminClient(cluster.master().adminPort());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              long last = master.status().lastLsn();
              for (Node s : cluster.slaves()) {
                if (new AdminClient(s.adminPort()).status().appliedLsn() < last) {
                  return false;
                }
              }
              return true;
            });
    var expected = master.checksums();
    for (Node s : cluster.slaves()) {
      assertThat(new AdminClient(s.adminPort()).checksums()).isEqualTo(expected);
    }
  }

  /** Runs statements as Django did: BEGIN and COMMIT delimit its transactions. */
  private static void replay(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        if (sql.equals("BEGIN")) {
          c.setAutoCommit(false);
        } else if (sql.equals("COMMIT")) {
          c.commit();
          c.setAutoCommit(true);
        } else {
          s.execute(sql);
        }
      }
    }
  }

  private static List<String> recorded() throws IOException {
    String text;
    try (InputStream in =
        DjangoMigrationsIT.class.getResourceAsStream("/django/contrib-migrations.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split(";\n")) {
      String sql = part.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
      if (!sql.isBlank()) {
        out.add(sql.strip());
      }
    }
    return out;
  }

  private static int indexOf(List<String> statements, String fragment) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).contains(fragment)) {
        return i;
      }
    }
    throw new AssertionError("no statement contains " + fragment);
  }
}
