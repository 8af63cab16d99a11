package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLAlchemy 1.4 (Debian's python3-sqlalchemy), unmodified, with psycopg2: Core inserts with
 * RETURNING and executemany, the postgresql dialect's {@code on_conflict_do_update} / {@code
 * do_nothing}, ORM unit of work with relationships, joins, aggregates, pagination and rollback.
 * {@code python/sqlalchemy_app.py} must print the same against distdb as against PostgreSQL 15.
 *
 * <p>The script creates its schema on an autocommit connection: psycopg2 opens a transaction
 * implicitly and distdb refuses DDL inside one (25001) until transactional DDL (the row-change
 * replication issue) lands; then plain {@code metadata.create_all(engine)} should be used.
 */
class SqlAlchemyIT {

  @TempDir Path dir;

  @Test
  void coreAndOrmAnswerLikePostgres() throws Exception {
    PythonScript.assumeModule("sqlalchemy", "python3-sqlalchemy");
    PythonScript.assumeModule("psycopg2", "python3-psycopg2");
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      PythonScript.Result want =
          PythonScript.run(
              dir,
              "sqlalchemy_app.py",
              "127.0.0.1",
              String.valueOf(pg.port()),
              "postgres",
              "",
              "postgres");
      PythonScript.Result got =
          PythonScript.run(
              dir,
              "sqlalchemy_app.py",
              "127.0.0.1",
              String.valueOf(node.pgPort()),
              InProcessNode.USER,
              InProcessNode.PASSWORD,
              "distdb");
      assertThat(want.exitCode()).as(want.output()).isZero();
      assertThat(want.output()).contains("orm after delete 2");
      assertThat(got.output()).isEqualTo(want.output());
      assertThat(got.exitCode()).isZero();
    }
  }
}
