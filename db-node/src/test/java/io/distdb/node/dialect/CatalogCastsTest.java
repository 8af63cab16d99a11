package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogCastsTest {

  @Test
  void pgDumpsCastsBecomeTheEnginesForms() throws Exception {
    assertThat(CatalogCasts.rewrite("SELECT 's'::\"char\", amhandler::pg_catalog.regproc FROM x"))
        .isEqualTo("SELECT 's'::VARCHAR(1), amhandler FROM x");
    assertThat(CatalogCasts.rewrite("SELECT * FROM unnest('{24733, 24746}'::pg_catalog.oid[]) s"))
        .isEqualTo("SELECT * FROM unnest(ARRAY[24733, 24746]) s");
    assertThat(
            CatalogCasts.rewrite("WHERE seqrelid = '24732'::oid AND a.attnum > 0::pg_catalog.int2"))
        .isEqualTo("WHERE seqrelid = 24732 AND a.attnum > 0::int2");
    assertThat(CatalogCasts.rewrite("WHERE opcnamespace = 'pg_catalog'::regnamespace"))
        .isEqualTo(
            "WHERE opcnamespace = (SELECT oid FROM distdb_catalog.pg_namespace"
                + " WHERE nspname = 'pg_catalog')");
    assertThat(CatalogCasts.rewrite("SELECT typname[0] = '_' FROM pg_type"))
        .isEqualTo("SELECT SUBSTRING(typname, 1, 1) = '_' FROM pg_type");
    assertThat(
            CatalogCasts.rewrite(
                "SELECT pg_catalog.quote_ident(x), 'pg_class'::pg_catalog.regclass"))
        .isEqualTo("SELECT quote_ident(x), 'pg_class'::regclass");
  }

  @Test
  void recursiveQueriesGetTheirColumnNames() throws Exception {
    assertThat(
            CatalogCasts.rewrite(
                "WITH RECURSIVE w AS (SELECT d1.objid, c2.relkind AS k FROM a UNION SELECT 1, 2)"
                    + " SELECT * FROM w"))
        .isEqualTo(
            "WITH RECURSIVE w(objid, k) AS (SELECT d1.objid, c2.relkind AS k FROM a UNION"
                + " SELECT 1, 2) SELECT * FROM w");
  }

  @Test
  void statementsWithoutSuchFormsAreLeftAlone() throws Exception {
    assertThat(CatalogCasts.rewrite("SELECT x::text, a[1] FROM t")).isNull();
  }
}
