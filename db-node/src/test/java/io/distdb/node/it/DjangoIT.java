package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Django 3.2 (Debian's python3-django), unmodified, with psycopg2: models with a foreign key, a
 * unique field, DateTimeFields, a JSONField and a many-to-many relation; ORM create, filter
 * (JSONField key, nested key, has_key, contains lookups), update with F(), save, delete with
 * cascade, aggregate and annotate, select_related, bulk_create and transaction.atomic (commit and
 * rollback). {@code python/django_app.py} must print the same against distdb as against PostgreSQL
 * 15.
 *
 * <p>The script creates its tables with {@code schema_editor(atomic=False)}: distdb refuses DDL
 * inside a transaction block (25001) until transactional DDL lands (branch {@code txddl}), and
 * {@code manage.py migrate} also reads catalogs distdb does not answer yet (branch {@code
 * catalog}).
 */
class DjangoIT {

  @TempDir Path dir;

  @Test
  void ormAnswersLikePostgres() throws Exception {
    PythonScript.assumeModule("django", "python3-django");
    PythonScript.assumeModule("psycopg2", "python3-psycopg2");
    PythonScript.Outputs both = PythonScript.runOnBoth(dir, "django_app.py");
    assertThat(both.postgres().exitCode()).as(both.postgres().output()).isZero();
    assertThat(both.postgres().output()).contains("cascade 0 2").endsWith("done\n");
    assertThat(both.distdb().output()).isEqualTo(both.postgres().output());
    assertThat(both.distdb().exitCode()).isZero();
  }
}
