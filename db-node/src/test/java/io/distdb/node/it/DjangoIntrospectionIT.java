package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Django (Debian's python3-django), unmodified: {@code manage.py migrate} of its contrib apps
 * (auth, contenttypes, sessions, admin), each migration in its own transaction as Django runs them
 * on PostgreSQL (transactional DDL), then its introspection (tables, columns, constraints,
 * sequences, {@code inspectdb}), the auth models at work, and a migration that fails half-way
 * leaving nothing behind. {@code python/django_introspection.py} must print the same against distdb
 * as against PostgreSQL 15.
 */
class DjangoIntrospectionIT {

  @TempDir Path dir;

  @Test
  void migrateThenIntrospectLikePostgres() throws Exception {
    PythonScript.assumeModule("django", "python3-django");
    PythonScript.assumeModule("psycopg2", "python3-psycopg2");
    PythonScript.Outputs both = PythonScript.runOnBoth(dir, "django_introspection.py");
    assertThat(both.postgres().exitCode()).as(both.postgres().output()).isZero();
    assertThat(both.postgres().output()).contains("half_done exists False");
    assertThat(both.distdb().output()).isEqualTo(both.postgres().output());
    assertThat(both.distdb().exitCode()).isZero();
  }
}
