package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgcli 3.5 (Debian's pgcli, over psycopg 3 and pgspecial), unmodified: its startup completion
 * refresh (schemas, tables and columns, foreign keys, views, types, databases, functions), the
 * completions a user sees, and SQL and backslash commands ({@code \dt}, {@code \d t}, {@code \di},
 * {@code \df}, ...) run as its prompt runs them. {@code python/pgcli_app.py} must print the same
 * against distdb as against PostgreSQL 15 (user names and table sizes masked).
 */
class PgcliIT {

  @TempDir Path dir;

  @Test
  void startupRefreshAndBackslashCommandsAnswerLikePostgres() throws Exception {
    PythonScript.assumeModule("pgcli.pgexecute", "pgcli");
    PythonScript.Outputs both = PythonScript.runOnBoth(dir, "pgcli_app.py");
    assertThat(both.postgres().exitCode()).as(both.postgres().output()).isZero();
    assertThat(both.postgres().output())
        .contains("refresh tables ok")
        .contains("refresh functions ok")
        .contains("  fk public pc_customer id -> pc_order customer_id")
        .contains("done");
    assertThat(both.distdb().output()).isEqualTo(both.postgres().output());
    assertThat(both.distdb().exitCode()).isZero();
  }
}
