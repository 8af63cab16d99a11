package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alembic 1.8 (Debian's python3-alembic) over SQLAlchemy 1.4 and psycopg2, unmodified, as a user
 * runs it: {@code upgrade head} through three revisions of the shape {@code revision
 * --autogenerate} writes (tables, a foreign key with ON DELETE, an enum type, a type change, a
 * column rename, a check constraint, bulk_insert), {@code current}, {@code history}, an
 * autogenerate comparison of the models with the migrated schema that must find nothing to do,
 * {@code downgrade -1}, {@code downgrade base} (which drops the enum type inside Alembic's
 * transaction) and upgrade again. {@code python/alembic_app.py} must print the same against distdb
 * as against PostgreSQL 15.
 */
class AlembicIT {

  @TempDir Path dir;

  @Test
  void migrationsUpgradeCompareAndDowngradeLikePostgres() throws Exception {
    PythonScript.assumeModule("alembic", "python3-alembic");
    PythonScript.assumeModule("psycopg2", "python3-psycopg2");
    PythonScript.Outputs both = PythonScript.runOnBoth(dir, "alembic_app.py");
    assertThat(both.postgres().exitCode()).as(both.postgres().output()).isZero();
    assertThat(both.postgres().output())
        .contains("compare autogenerate differences 0")
        .contains("check-current c3_tags (head)")
        .contains("done");
    assertThat(both.distdb().output()).isEqualTo(both.postgres().output());
    assertThat(both.distdb().exitCode()).isZero();
  }
}
