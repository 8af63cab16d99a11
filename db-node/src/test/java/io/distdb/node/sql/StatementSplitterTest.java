package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void splitsOnTopLevelSemicolons() throws Exception {
    assertThat(StatementSplitter.split("select 1; select 2;"))
        .containsExactly("select 1", "select 2");
  }

  @Test
  void semicolonsInsideQuotesCommentsAndParensDoNotSplit() throws Exception {
    assertThat(StatementSplitter.split("select ';'")).containsExactly("select ';'");
    assertThat(StatementSplitter.split("select \"a;b\" -- ;\n from t; /* ; */ select 2"))
        .containsExactly("select \"a;b\" -- ;\n from t", "/* ; */ select 2");
    assertThat(
            StatementSplitter.split(
                "create function f() returns int as $$ select 1; $$ language sql; select 2"))
        .containsExactly(
            "create function f() returns int as $$ select 1; $$ language sql", "select 2");
    assertThat(StatementSplitter.split("select E'\\';'; select 2"))
        .containsExactly("select E'\\';'", "select 2");
  }

  @Test
  void dropsEmptyStatements() throws Exception {
    assertThat(StatementSplitter.split("")).isEmpty();
    assertThat(StatementSplitter.split("  ;; -- only a comment\n ; /* x */")).isEmpty();
    assertThat(StatementSplitter.split(";\n select 1 ;; \n")).containsExactly("select 1");
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> StatementSplitter.split("select 1; select 'x"))
        .isInstanceOf(StatementException.class);
  }
}
