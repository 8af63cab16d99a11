package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

class JsonRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void castsParseTheTextIntoTheEnginesJsonType() throws Exception {
    assertThat(engine("SELECT '{\"b\":1,\"a\":2}'::jsonb"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.jsonb_in('{\"b\":1,\"a\":2}') AS JSON) AS \"jsonb\"");
    assertThat(engine("SELECT CAST($1 AS json) AS j"))
        .isEqualTo("SELECT CAST(distdb_catalog.json_in(?1) AS JSON (999999999)) AS j");
  }

  @Test
  void jsonColumnsAreDeclaredWithTheLengthThatMarksThem() throws Exception {
    assertThat(engine("CREATE TABLE d (id int, a json, b jsonb)"))
        .isEqualTo("CREATE TABLE d (id int, a JSON (999999999), b jsonb)");
  }

  @Test
  void arrowChainsBecomeNestedCalls() throws Exception {
    assertThat(engine("SELECT body -> 'a' -> 0, body ->> 'b' FROM docs"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.jsonb_element(CAST(distdb_catalog.jsonb_field(body, 'a')"
                + " AS JSON), 0) AS JSON) AS \"?column?\","
                + " distdb_catalog.jsonb_field_text(body, 'b') AS \"?column?\" FROM docs");
    assertThat(engine("SELECT id FROM docs WHERE body #>> '{a,b}' = 'x'"))
        .isEqualTo(
            "SELECT id FROM docs WHERE distdb_catalog.jsonb_path_text(body, ARRAY['a', 'b']) = 'x'");
  }

  @Test
  void containmentAndExistenceAreBooleanCalls() throws Exception {
    assertThat(engine("SELECT id FROM docs WHERE body @> '{\"a\":1}' AND body ? 'k'"))
        .isEqualTo(
            "SELECT id FROM docs WHERE distdb_catalog.jsonb_contains(body, '{\"a\":1}')"
                + " AND distdb_catalog.jsonb_exists(body, 'k')");
    assertThat(engine("SELECT id FROM docs WHERE '{\"a\":1}' <@ body"))
        .isEqualTo("SELECT id FROM docs WHERE distdb_catalog.jsonb_contains(body, '{\"a\":1}')");
  }

  @Test
  void concatenationAndDeletionOnlyWhereAnOperandIsVisiblyJsonb() throws Exception {
    assertThat(engine("SELECT body || '{\"x\":1}'::jsonb, (body -> 'a') - 'k' FROM docs"))
        .contains("distdb_catalog.jsonb_concat(body, CAST(distdb_catalog.jsonb_in(")
        .contains("distdb_catalog.jsonb_delete((CAST(distdb_catalog.jsonb_field(body, 'a')")
        .endsWith("'k') AS JSON) AS \"?column?\" FROM docs");
    assertThat(engine("SELECT a || b, x - 1 FROM t WHERE j ? 'k'"))
        .isEqualTo("SELECT a || b, x - 1 FROM t WHERE distdb_catalog.jsonb_exists(j, 'k')");
  }

  @Test
  void functionsCastTheirValuesToJson() throws Exception {
    assertThat(engine("SELECT jsonb_build_object('a', 1, 'b', name) FROM t"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.jsonb_build_object('a', CAST(1 AS JSON), 'b',"
                + " CAST(name AS JSON)) AS JSON) AS \"jsonb_build_object\" FROM t");
    assertThat(engine("SELECT jsonb_agg(name ORDER BY id) FROM t"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.jsonb_agg(ARRAY_AGG(CAST(name AS JSON) ORDER BY id))"
                + " AS JSON) AS \"jsonb_agg\" FROM t");
    assertThat(engine("SELECT jsonb_typeof(body) FROM docs"))
        .isEqualTo("SELECT distdb_catalog.jsonb_typeof(body) AS \"jsonb_typeof\" FROM docs");
  }

  @Test
  void comparisonsWithJsonAreJsonbsOrderAndLiteralsAreDocuments() throws Exception {
    assertThat(engine("SELECT id FROM docs WHERE (body -> 'n') > '1'"))
        .isEqualTo(
            "SELECT id FROM docs WHERE distdb_catalog.jsonb_compare((CAST(distdb_catalog"
                + ".jsonb_field(body, 'n') AS JSON)), '1') > 0");
    assertThat(engine("SELECT id FROM docs WHERE (body -> 'k') IN ('\"a\"', '\"b\"')"))
        .isEqualTo(
            "SELECT id FROM docs WHERE (CAST(distdb_catalog.jsonb_field(body, 'k') AS JSON)) IN"
                + " (CAST(distdb_catalog.jsonb_in('\"a\"') AS JSON),"
                + " CAST(distdb_catalog.jsonb_in('\"b\"') AS JSON))");
    assertThat(engine("SELECT id FROM docs WHERE body -> 'k' = other"))
        .doesNotContain("jsonb_compare");
  }

  @Test
  void functionsStillMissingAre0A000ByName() {
    assertThatThrownBy(() -> engine("SELECT jsonb_insert(j, '{a}', '1') FROM docs"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
        .hasMessageContaining("jsonb_insert");
  }

  @Test
  void jsonBuildersReturnJsonTextTheSessionSendsAsIs() throws Exception {
    assertThat(engine("SELECT json_build_object('a', 1, 'o', json_build_object('b', x)) FROM t"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.json_build_object('kvkr', 'a', 1, 'o',"
                + " CAST(distdb_catalog.json_build_object('kv', 'b', x) AS VARCHAR (999999998)))"
                + " AS VARCHAR (999999998)) AS \"json_build_object\" FROM t");
    assertThat(engine("SELECT json_agg(x ORDER BY y) FROM t"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.json_agg('v', ARRAY_AGG(x ORDER BY y))"
                + " AS VARCHAR (999999998)) AS \"json_agg\" FROM t");
  }

  @Test
  void aWholeRowBecomesItsColumns() throws Exception {
    assertThat(engine("SELECT row_to_json(s) FROM (SELECT 1 AS a, b FROM t) s"))
        .isEqualTo(
            "SELECT CAST(distdb_catalog.row_to_json(ARRAY['a', 'b'], s.\"a\", s.\"b\")"
                + " AS VARCHAR (999999998)) AS \"row_to_json\" FROM (SELECT 1 AS a, b FROM t) s");
    assertThat(engine("SELECT json_agg(s) FROM (SELECT a FROM t) s"))
        .startsWith(
            "SELECT CAST(distdb_catalog.json_agg('c', ARRAY_AGG(CAST(distdb_catalog.row_to_json(");
    assertThatThrownBy(() -> engine("SELECT row_to_json(1)"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }
}
