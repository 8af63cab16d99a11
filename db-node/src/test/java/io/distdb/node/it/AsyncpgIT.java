package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asyncpg (Debian's python3-asyncpg), unmodified: the extended protocol only, binary results and
 * parameters, its pg_catalog introspection of array types on first use, binary COPY. {@code
 * python/asyncpg_app.py} (every common type, fetch/fetchrow/fetchval/execute/executemany,
 * transactions and savepoints, errors, prepared statements, cursors, COPY) must print the same
 * against distdb as against PostgreSQL 15, but for the steps in {@link #KNOWN_DIFFERENCES}.
 * Skipped, saying why, where asyncpg is missing.
 */
class AsyncpgIT {

  /**
   * Steps whose answers still differ, each for a reason: {@code expressions}: {@code $1::numeric *
   * 2} has the engine's scale (3, not 3.0).
   */
  private static final Set<String> KNOWN_DIFFERENCES = Set.of("expressions");

  @TempDir Path dir;

  @Test
  void asyncpgAnswersLikePostgres() throws Exception {
    PythonScript.assumeModule("asyncpg", "python3-asyncpg");
    PythonScript.Outputs both = PythonScript.runOnBoth(dir, "asyncpg_app.py");
    assertThat(both.postgres().exitCode()).as(both.postgres().output()).isZero();
    assertThat(both.postgres().output())
        .contains("array column Record(ia=[int:1", "copy in str:'COPY 2'");
    assertThat(PythonScript.linesExcept(both.distdb().output(), KNOWN_DIFFERENCES))
        .as(both.distdb().output())
        .containsExactlyElementsOf(
            PythonScript.linesExcept(both.postgres().output(), KNOWN_DIFFERENCES));
    assertThat(both.distdb().exitCode()).isZero();
  }
}
