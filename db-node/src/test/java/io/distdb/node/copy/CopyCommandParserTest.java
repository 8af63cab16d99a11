package io.distdb.node.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CopyCommandParserTest {

  @Test
  void fromStdinWithColumnsAndNewStyleOptions() throws Exception {
    CopyCommand c =
        CopyCommandParser.parse(
            "COPY public.\"Items\" (id, name) FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';',"
                + " NULL 'NA', QUOTE '''');");
    assertThat(c.from()).isTrue();
    assertThat(c.table()).isEqualTo("public.\"Items\"");
    assertThat(c.relationName()).isEqualTo("Items");
    assertThat(c.columns()).containsExactly("id", "name");
    assertThat(c.options()).isEqualTo(new CopyOptions(true, ';', "NA", '\'', '\'', true, false));
  }

  @Test
  void legacyOptionsAsPsqlCopyPassesThem() throws Exception {
    CopyCommand c = CopyCommandParser.parse("copy t from stdin csv header delimiter as '|'");
    assertThat(c.options()).isEqualTo(new CopyOptions(true, '|', "", '"', '"', true, false));
    CopyCommand text = CopyCommandParser.parse("COPY t TO STDOUT WITH DELIMITER E'\\t' NULL ''");
    assertThat(text.from()).isFalse();
    assertThat(text.options().nullString()).isEmpty();
    assertThat(text.sourceQuery()).isEqualTo("SELECT * FROM t");
  }

  @Test
  void queryToStdout() throws Exception {
    CopyCommand c =
        CopyCommandParser.parse("COPY (SELECT a, (b) FROM t WHERE a > 1) TO STDOUT (FORMAT text)");
    assertThat(c.query()).isEqualTo("SELECT a, (b) FROM t WHERE a > 1");
    assertThat(c.sourceQuery()).isEqualTo(c.query());
    assertThat(CopyCommandParser.parse("COPY t (b, a) TO STDOUT").sourceQuery())
        .isEqualTo("SELECT b, a FROM t");
  }

  @Test
  void refusalsCarryPostgresSqlStates() {
    assertState("COPY t TO STDOUT (FORMAT binary)", "0A000");
    assertState("COPY t FROM STDIN (FORMAT binary, DELIMITER ',')", "42601");
    assertState("COPY t FROM STDIN (FORMAT binary, QUOTE '\"')", "0A000");
    assertState("COPY t FROM '/etc/passwd'", "0A000");
    assertState("COPY t TO PROGRAM 'id'", "0A000");
    assertState("COPY t FROM STDIN (FORMAT xml)", "22023");
    assertState("COPY t TO STDOUT (DELIMITER 'ab')", "0A000");
    assertState("COPY t FROM STDIN (QUOTE '\"')", "0A000"); // quote outside CSV
    assertState("COPY t FROM STDIN (FORMAT csv, FORMAT text)", "42601");
    assertState("COPY t FROM STDIN (bogus 1)", "42601");
    assertState("COPY (SELECT 1) FROM STDIN", "42601");
    assertState("COPY t FROM STDIN WHERE a > 1", "0A000");
    assertState("COPY t TO STDOUT (HEADER match)", "0A000");
  }

  private static void assertState(String sql, String state) {
    assertThatThrownBy(() -> CopyCommandParser.parse(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            CopyException.class, e -> assertThat(e.sqlState()).isEqualTo(state));
  }
}
