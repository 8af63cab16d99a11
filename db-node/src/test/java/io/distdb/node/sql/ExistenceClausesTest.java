package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.sql.ExistenceClauses.Check;
import io.distdb.node.sql.ExistenceClauses.Kind;
import org.junit.jupiter.api.Test;

class ExistenceClausesTest {

  @Test
  void dropIfExistsNamesEveryObject() {
    assertThat(ExistenceClauses.of("DROP TABLE IF EXISTS a, s.\"B\" CASCADE"))
        .containsExactly(
            new Check(false, Kind.TABLE, null, "a"), new Check(false, Kind.TABLE, "s", "B"));
    assertThat(ExistenceClauses.of("drop index concurrently if exists i"))
        .containsExactly(new Check(false, Kind.INDEX, null, "i"));
    assertThat(ExistenceClauses.of("DROP SCHEMA IF EXISTS sc"))
        .containsExactly(new Check(false, Kind.SCHEMA, null, "sc"));
  }

  @Test
  void createIfNotExistsNamesTheNewObject() {
    assertThat(ExistenceClauses.of("CREATE TEMP TABLE IF NOT EXISTS t (a int)"))
        .containsExactly(new Check(true, Kind.TABLE, null, "t"));
    assertThat(ExistenceClauses.of("CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a)"))
        .containsExactly(new Check(true, Kind.INDEX, null, "i"));
    assertThat(ExistenceClauses.of("CREATE SEQUENCE IF NOT EXISTS s.q"))
        .containsExactly(new Check(true, Kind.SEQUENCE, "s", "q"));
  }

  @Test
  void statementsWithoutTheClauseAskNothing() {
    assertThat(ExistenceClauses.of("DROP TABLE t")).isEmpty();
    assertThat(ExistenceClauses.of("CREATE TABLE t (a int)")).isEmpty();
    assertThat(ExistenceClauses.of("SELECT EXISTS (SELECT 1)")).isEmpty();
    assertThat(ExistenceClauses.of("DROP FUNCTION IF EXISTS f()")).isEmpty();
  }
}
