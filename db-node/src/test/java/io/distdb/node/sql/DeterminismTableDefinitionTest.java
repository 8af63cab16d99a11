package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTableDefinitionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE t ADD COLUMN at TIMESTAMP DEFAULT current_timestamp",
        "ALTER TABLE t ADD id UUID DEFAULT gen_random_uuid()",
        "CREATE TABLE t (x FLOAT CHECK (x < random()))",
        "CREATE TABLE t (a INT CHECK (a > 0), at TIMESTAMP CHECK (at < now()))",
        "CREATE TABLE t (at TIMESTAMP, CONSTRAINT c CHECK ((at) < now()))",
        "ALTER TABLE t ALTER COLUMN a SET NOT NULL, ADD COLUMN at TIMESTAMP DEFAULT now()",
        "ALTER TABLE t ADD CONSTRAINT c CHECK (at < localtimestamp)"
      })
  void refusesNondeterministicDefaults(String sql) {
    assertThatThrownBy(() -> Determinism.checkTableDefinition(sql))
        .isInstanceOfSatisfying(
            StatementException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.sqlState()).isEqualTo("0A000"))
        .hasMessageContaining("each replica would evaluate it itself");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t (id INT, at TIMESTAMP DEFAULT now())",
        "CREATE TABLE t (id INT, d DATE DEFAULT CURRENT_DATE)",
        "CREATE TABLE t (id UUID DEFAULT gen_random_uuid() PRIMARY KEY)",
        "ALTER TABLE t ALTER COLUMN x SET DEFAULT random()",
        "CREATE TABLE t (p NUMERIC CHECK (p >= 0), created TIMESTAMPTZ DEFAULT now())",
        "CREATE TABLE t (a INT CHECK (a IN (1, 2)), u UUID DEFAULT gen_random_uuid())",
        "ALTER TABLE t ADD COLUMN n INT, ALTER COLUMN at SET DEFAULT now()"
      })
  void acceptsNondeterministicDefaultsTheMasterEvaluates(String sql) {
    assertThatCode(() -> Determinism.checkTableDefinition(sql)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t (id INT DEFAULT 0, note TEXT DEFAULT 'now()')",
        "CREATE TABLE t (id SERIAL PRIMARY KEY, \"now\" INT)",
        "CREATE VIEW v AS SELECT now() AS at",
        "CREATE INDEX i ON t (x)",
        "INSERT INTO t VALUES (now())"
      })
  void acceptsDeterministicStatements(String sql) {
    assertThatCode(() -> Determinism.checkTableDefinition(sql)).doesNotThrowAnyException();
  }
}
