package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinUsingRewriteTest {

  private final Dialect dialect = new Dialect(16);

  @Test
  void bareUsingColumnsNameTheMergedSide() throws Exception {
    assertThat(
            dialect
                .translate("SELECT id, note FROM p JOIN q USING (id) WHERE id > $1 ORDER BY id")
                .sql())
        .isEqualTo("SELECT p.id, note FROM p JOIN q USING (id) WHERE p.id > ?1 ORDER BY p.id");
    assertThat(dialect.translate("SELECT id FROM p a RIGHT JOIN q b USING (id)").sql())
        .isEqualTo("SELECT b.id FROM p a RIGHT JOIN q b USING (id)");
  }

  @Test
  void qualifiedNamesSubqueriesAndFullJoinsAreLeftAlone() throws Exception {
    String qualified = "SELECT q.id FROM p JOIN q USING (id)";
    assertThat(dialect.translate(qualified).sql()).isEqualTo(qualified);
    String full = "SELECT id FROM p FULL JOIN q USING (id)";
    assertThat(dialect.translate(full).sql()).isEqualTo(full);
    assertThat(
            dialect.translate("SELECT id, (SELECT max(id) FROM r) FROM p JOIN q USING (id)").sql())
        .isEqualTo("SELECT p.id, (SELECT max(id) FROM r) FROM p JOIN q USING (id)");
  }
}
