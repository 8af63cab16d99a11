package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoBlockParserTest {

  @Test
  void sequelizesEnumBlockRunsItsStatementAndSwallowsDuplicates() throws Exception {
    Statement s =
        StatementClassifier.classify(
            "DO 'BEGIN CREATE TYPE \"public\".\"enum_r\" AS ENUM(''admin'', ''member'');"
                + " EXCEPTION WHEN duplicate_object THEN null; END'");
    assertThat(s)
        .isEqualTo(
            new DoBlock(
                "CREATE TYPE \"public\".\"enum_r\" AS ENUM('admin', 'member')", Set.of("42710")));
    assertThat(s.commandTag()).isEqualTo("DO");
  }

  @Test
  void dollarQuotedBodyWithoutHandlerAndLanguage() throws Exception {
    Statement s =
        StatementClassifier.classify(
            "DO LANGUAGE plpgsql $$ BEGIN ALTER TABLE t ADD COLUMN c int; END $$");
    assertThat(s).isEqualTo(new DoBlock("ALTER TABLE t ADD COLUMN c int", Set.of()));
  }

  @Test
  void severalConditions() throws Exception {
    DoBlock s =
        (DoBlock)
            StatementClassifier.classify(
                "DO $$BEGIN CREATE TABLE t (a int); EXCEPTION WHEN duplicate_table OR"
                    + " duplicate_object THEN NULL; END;$$");
    assertThat(s.ignoredSqlStates()).containsExactlyInAnyOrder("42P07", "42710");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DO $$ BEGIN RAISE NOTICE 'x'; END $$",
        "DO $$ BEGIN CREATE TABLE a (x int); CREATE TABLE b (y int); END $$",
        "DO $$ BEGIN INSERT INTO t VALUES (1); END $$",
        "DO $$ DECLARE n int; BEGIN n := 1; END $$",
        "DO $$ BEGIN CREATE TABLE a (x int); EXCEPTION WHEN others THEN NULL; END $$",
        "DO $$ BEGIN CREATE TABLE a (x int); EXCEPTION WHEN duplicate_table THEN RAISE; END $$",
        "DO LANGUAGE plperl $$ 1 $$"
      })
  void otherBodiesAreFeatureNotSupported(String sql) {
    assertThatThrownBy(() -> StatementClassifier.classify(sql))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }

  @Test
  void missingBodyIsASyntaxError() {
    assertThatThrownBy(() -> StatementClassifier.classify("DO"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"));
  }
}
