package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The length functions answer integer, as PostgreSQL's, where the engine's answer bigint. */
class LengthTypeRewriteTest {

  private final Dialect dialect = new Dialect(16);

  @Test
  void lengthsAreCastToIntegerAndKeepTheirLabels() throws Exception {
    assertThat(dialect.translate("SELECT length(name), octet_length(x) AS o FROM t").sql())
        .isEqualTo(
            "SELECT CAST(length(name) AS INTEGER) AS \"length\", CAST(octet_length(x) AS INTEGER)"
                + " AS o FROM t");
  }

  @Test
  void otherFunctionsEndingInLengthAreLeftAlone() throws Exception {
    assertThat(dialect.translate("SELECT array_length(a, 1), jsonb_array_length(j) FROM t").sql())
        .doesNotContain("INTEGER");
  }
}
