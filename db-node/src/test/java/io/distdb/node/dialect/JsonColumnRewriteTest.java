package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonColumnRewriteTest {

  private final Dialect dialect = new Dialect(16);

  /** docs (id, body jsonb, raw json, tags text[]). */
  private final Schema schema =
      new Schema() {
        @Override
        public List<String> columns(String table) {
          return List.of("id", "body", "raw", "tags");
        }

        @Override
        public List<String> constraintColumns(String table, String constraint) {
          return List.of("id");
        }

        @Override
        public Map<String, Boolean> jsonColumns(String table) {
          return table.equals("docs") ? Map.of("body", true, "raw", false) : Map.of();
        }
      };

  private String engine(String sql) throws Exception {
    return dialect.translate(sql, schema).sql();
  }

  @Test
  void documentLiteralsForJsonColumnsAreParsed() throws Exception {
    assertThat(engine("INSERT INTO docs (id, \"body\", tags) VALUES (1, '{\"a\": 1}', '{x}')"))
        .isEqualTo(
            "INSERT INTO docs (id, \"body\", tags) VALUES (1,"
                + " CAST(distdb_catalog.jsonb_in('{\"a\": 1}') AS JSON), '{x}')");
    assertThat(engine("INSERT INTO docs VALUES (1, '[1]', '[2]', NULL), (2, NULL, '\"s\"', NULL)"))
        .isEqualTo(
            "INSERT INTO docs VALUES (1, CAST(distdb_catalog.jsonb_in('[1]') AS JSON),"
                + " CAST(distdb_catalog.json_in('[2]') AS JSON (999999999)), NULL),"
                + " (2, NULL, CAST(distdb_catalog.json_in('\"s\"') AS JSON (999999999)), NULL)");
    assertThat(engine("UPDATE docs SET body = '{}', tags = '{a}' WHERE id = 1"))
        .isEqualTo(
            "UPDATE docs SET body = CAST(distdb_catalog.jsonb_in('{}') AS JSON), tags = '{a}'"
                + " WHERE id = 1");
  }

  @Test
  void valuesInParenthesesOfTheirOwnAsPgjdbcSimpleModeWritesThem() throws Exception {
    // One row of two values, not two rows of one: the document goes to body, not to id.
    assertThat(engine("INSERT INTO docs (id, body) VALUES (('7'::int8), ('{\"a\": 1}'))"))
        .isEqualTo(
            "INSERT INTO docs (id, body) VALUES ('7'::int8,"
                + " CAST(distdb_catalog.jsonb_in('{\"a\": 1}') AS JSON))");
    assertThat(engine("UPDATE docs SET body = ('[1]') WHERE id = ('7'::int8)"))
        .isEqualTo(
            "UPDATE docs SET body = CAST(distdb_catalog.jsonb_in('[1]') AS JSON)"
                + " WHERE id = ('7'::int8)");
  }

  @Test
  void otherTablesAndValuesAreLeftAsWritten() throws Exception {
    assertThat(engine("INSERT INTO other (a) VALUES ('{x}')"))
        .isEqualTo("INSERT INTO other (a) VALUES ('{x}')");
    assertThat(engine("INSERT INTO docs (id, body) VALUES ($1, $2)"))
        .isEqualTo("INSERT INTO docs (id, body) VALUES (?1, ?2)");
  }
}
