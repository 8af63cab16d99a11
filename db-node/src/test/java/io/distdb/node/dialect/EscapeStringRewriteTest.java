package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeStringRewriteTest {

  private final Dialect dialect = new Dialect(16);

  @Test
  void escapeStringsBecomeStandardLiteralsWithTheDecodedText() throws Exception {
    EngineStatement e =
        dialect.translate("SELECT E'tab\\there', e'it\\'s', 'plain\\n' WHERE x = $1");
    assertThat(e.sql()).isEqualTo("SELECT 'tab\there', 'it''s', 'plain\\n' WHERE x = ?1");
    assertThat(e.rewritten()).isTrue();
  }

  @Test
  void textWithoutEscapeStringsIsUntouched() throws Exception {
    EngineStatement e = dialect.translate("SELECT name FROM t WHERE type='x'");
    assertThat(e.sql()).isEqualTo("SELECT name FROM t WHERE type='x'");
    assertThat(e.rewritten()).isFalse();
  }
}
