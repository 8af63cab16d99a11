package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NOTICEs PostgreSQL 15 raises for DDL that IF [NOT] EXISTS skips, and for the objects a DROP
 * ... CASCADE drops besides those it names, reach pgjdbc as the statement's SQLWarnings, with the
 * same SQLSTATE and text on distdb.
 */
class ExistenceNoticesIT {

  private static final List<String> STATEMENTS =
      List.of(
          "DROP TABLE IF EXISTS nosuch",
          "CREATE TABLE t (a int)",
          "CREATE TABLE IF NOT EXISTS t (a int)",
          "DROP TABLE IF EXISTS nosuch3, nosuch4",
          "DROP TABLE IF EXISTS t, nosuch2",
          "CREATE TABLE t (a int)",
          "DROP VIEW IF EXISTS v",
          "DROP INDEX IF EXISTS i",
          "DROP SEQUENCE IF EXISTS s",
          "DROP SCHEMA IF EXISTS sc",
          "DROP TYPE IF EXISTS ty",
          "CREATE INDEX i ON t (a)",
          "CREATE INDEX IF NOT EXISTS i ON t (a)",
          "CREATE SEQUENCE s",
          "CREATE SEQUENCE IF NOT EXISTS s",
          "CREATE SCHEMA sc",
          "CREATE SCHEMA IF NOT EXISTS sc",
          "DROP TABLE IF EXISTS sc.nosuch",
          "CREATE TABLE IF NOT EXISTS sc.t2 (a int)",
          "CREATE TABLE IF NOT EXISTS sc.t2 (a int)",
          "CREATE VIEW v AS SELECT 1 AS one",
          "CREATE VIEW w AS SELECT 2 AS two",
          "CREATE SEQUENCE s2",
          "DROP VIEW IF EXISTS w, nosuchw",
          "DROP SEQUENCE IF EXISTS nosuchs, s2, sc.nosuch",
          "DROP INDEX IF EXISTS nosuchi, i",
          "DROP TYPE IF EXISTS nosucht, nosucht2",
          "DROP VIEW IF EXISTS v",
          "DROP TABLE IF EXISTS t",
          "DROP SEQUENCE IF EXISTS s",
          "DROP TABLE IF EXISTS t",
          "CREATE TABLE cp (id int PRIMARY KEY)",
          "CREATE TABLE cc (pid int REFERENCES cp (id))",
          "CREATE VIEW cv AS SELECT id FROM cp",
          "CREATE VIEW cv2 AS SELECT id FROM cv",
          "DROP VIEW cv CASCADE",
          "DROP TABLE cp CASCADE",
          "CREATE TABLE cp (id int PRIMARY KEY)",
          "CREATE VIEW cv AS SELECT id FROM cp",
          "CREATE VIEW cv3 AS SELECT pid FROM cc",
          "DROP TABLE IF EXISTS cp, cc, nosuch CASCADE");

  @TempDir Path dir;

  @Test
  void skippedDdlRaisesPostgresNotices() throws Exception {
    PostgresServer.assumeInstalled();
    List<String> want;
    try (PostgresServer pg = PostgresServer.start();
        Connection c = pg.connect("postgres")) {
      want = run(c);
    }
    List<String> got;
    try (Node node = InProcessNode.start(dir.resolve("data"));
        Connection c = InProcessNode.connect(node, "distdb")) {
      got = run(c);
    }
    assertThat(want)
        .contains("DROP TABLE IF EXISTS nosuch: 00000 table \"nosuch\" does not exist, skipping")
        .contains("CREATE SCHEMA IF NOT EXISTS sc: 42P06 schema \"sc\" already exists, skipping")
        .contains("DROP VIEW cv CASCADE: 00000 drop cascades to view cv2")
        .contains(
            "DROP TABLE cp CASCADE: 00000 drop cascades to constraint cc_pid_fkey on table cc");
    assertThat(got).isEqualTo(want);
  }

  private static List<String> run(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String sql : STATEMENTS) {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
          out.add(sql + ": " + w.getSQLState() + " " + w.getMessage());
        }
      }
    }
    return out;
  }
}
