package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2 (Debian's python3-psycopg2) connects to distdb and round-trips the common types: the
 * script {@code python/psycopg2_types.py} must print the same lines against distdb as against a
 * real PostgreSQL 15. Skipped, saying why, where python3 or psycopg2 is missing.
 */
class PsycopgIT {

  @TempDir Path dir;

  @Test
  void psycopg2RoundTripsTypesLikePostgres() throws Exception {
    PythonScript.assumeModule("psycopg2", "python3-psycopg2");
    PythonScript.Outputs both = PythonScript.runOnBoth(dir, "psycopg2_types.py");
    assertThat(both.postgres().exitCode()).as(both.postgres().output()).isZero();
    assertThat(both.distdb().output()).isEqualTo(both.postgres().output());
    assertThat(both.distdb().exitCode()).isZero();
  }
}
