package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.sql.SqlLexer;
import org.junit.jupiter.api.Test;

/** The catalog forms drivers send → what H2 runs; PgCatalogIT runs them end to end. */
class CatalogRewriteTest {

  private final CatalogRewrite rewrite = new CatalogRewrite();

  private String engine(String sql) throws Exception {
    String r = rewrite.rewrite(sql, SqlLexer.tokenize(sql));
    return r == null ? sql : r;
  }

  @Test
  void catalogRelationsHeCompletesGoToTheViews() throws Exception {
    assertThat(
            engine(
                "SELECT a.attname FROM pg_catalog.pg_attribute a"
                    + " JOIN pg_namespace n ON true, pg_catalog.pg_class c"))
        .isEqualTo(
            "SELECT a.attname FROM distdb_catalog.pg_attribute a"
                + " JOIN distdb_catalog.pg_namespace n ON true, pg_catalog.pg_class c");
  }

  @Test
  void namesThatAreNotCatalogRelationsStayAsWritten() throws Exception {
    String sql = "SELECT pg_namespace FROM myschema.pg_attribute WHERE x.pg_settings = 1";
    assertThat(rewrite.rewrite(sql, SqlLexer.tokenize(sql))).isNull();
  }

  @Test
  void catalogFunctionsBecomeExpressionsHeHas() throws Exception {
    assertThat(engine("select word from pg_catalog.pg_get_keywords()"))
        .isEqualTo("select word from distdb_catalog.pg_get_keywords");
    assertThat(engine("SELECT (pg_catalog.current_schemas(true))[1], current_schemas(false)"))
        .isEqualTo("SELECT ((ARRAY['pg_catalog', CURRENT_SCHEMA]))[1], (ARRAY[CURRENT_SCHEMA])");
    assertThat(engine("SELECT current_database()"))
        .isEqualTo("SELECT (SELECT datname FROM distdb_catalog.current_database)");
    assertThat(engine("SELECT pg_catalog.pg_get_expr(def.adbin, def.adrelid) AS adsrc"))
        .isEqualTo("SELECT (def.adbin) AS adsrc");
    assertThat(engine("SELECT array_upper(current_schemas(false), 1)"))
        .isEqualTo("SELECT CARDINALITY((ARRAY[CURRENT_SCHEMA]))");
  }

  @Test
  void arrayLiteralsAndRegprocBecomeH2Forms() throws Exception {
    assertThat(engine("SELECT 1 WHERE w <> ALL ('{a,\"null\",abs}'::text[]) AND v = ANY ('{x}')"))
        .isEqualTo("SELECT 1 WHERE w <> ALL (ARRAY['a', 'null', 'abs']) AND v = ANY (ARRAY['x'])");
    String nested = "SELECT 1 WHERE w = ANY ('{\"a,b\"}')";
    assertThat(engine(nested)).isEqualTo(nested);
    assertThat(engine("SELECT typinput='pg_catalog.array_in'::regproc"))
        .isEqualTo("SELECT typinput='array_in'");
  }

  @Test
  void expandArrayInTheSelectListBecomesAJoinWithPositions() throws Exception {
    assertThat(
            ExpandArrayRewrite.rewrite(
                "SELECT r.k FROM (SELECT (information_schema._pg_expandarray(c.conkey)).n AS seq,"
                    + " information_schema._pg_expandarray(c.conkey) AS keys, a.attnum AS num"
                    + " FROM t c JOIN u a ON (a.x = c.y) WHERE c.contype = 'p') r"
                    + " WHERE r.num = (r.keys).x ORDER BY r.seq"))
        .isEqualTo(
            "SELECT r.k FROM (SELECT distdb_x.n AS seq,"
                + " (c.conkey)[distdb_x.n] AS keys, a.attnum AS num"
                + " FROM t c JOIN u a ON (a.x = c.y) JOIN system_range(1, 32) AS distdb_x(n)"
                + " ON distdb_x.n <= CARDINALITY(c.conkey) WHERE c.contype = 'p') r"
                + " WHERE r.num = r.keys ORDER BY r.seq");
    assertThat(ExpandArrayRewrite.rewrite("SELECT information_schema._pg_expandarray(k)")).isNull();
  }
}
