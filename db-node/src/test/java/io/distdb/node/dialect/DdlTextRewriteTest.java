package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token-level DDL rewrites frameworks' schema statements need (Django's, here). */
class DdlTextRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws Exception {
    return dialect.translate(sql).sql();
  }

  @Test
  void operatorClassesAreDropped() throws Exception {
    assertThat(engine("CREATE INDEX \"a_name_like\" ON \"a\" (\"name\" varchar_pattern_ops)"))
        .isEqualTo("CREATE INDEX \"a_name_like\" ON \"a\" (\"name\" )");
    assertThat(engine("CREATE INDEX CONCURRENTLY ix ON t (lower(a) text_pattern_ops, b)"))
        .isEqualTo("CREATE INDEX  ix ON t (lower(a) , b)");
    assertThat(engine("SELECT varchar_pattern_ops FROM t"))
        .isEqualTo("SELECT varchar_pattern_ops FROM t");
  }

  @Test
  void deferrableIsDroppedFromConstraints() throws Exception {
    assertThat(
            engine(
                "ALTER TABLE \"b\" ADD CONSTRAINT \"b_a_fk\" FOREIGN KEY (\"a_id\") REFERENCES \"a\""
                    + " (\"id\") DEFERRABLE INITIALLY DEFERRED"))
        .isEqualTo(
            "ALTER TABLE \"b\" ADD CONSTRAINT \"b_a_fk\" FOREIGN KEY (\"a_id\") REFERENCES \"a\""
                + " (\"id\")  ");
    assertThat(engine("CREATE TABLE c (a int REFERENCES a (id) NOT DEFERRABLE, b int)"))
        .isEqualTo("CREATE TABLE c (a int REFERENCES a (id) , b int)");
    assertThat(engine("SELECT 'DEFERRABLE INITIALLY DEFERRED'"))
        .isEqualTo("SELECT 'DEFERRABLE INITIALLY DEFERRED'");
  }
}
