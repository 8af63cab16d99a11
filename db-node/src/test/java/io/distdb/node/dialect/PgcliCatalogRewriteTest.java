package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.sql.SqlLexer;
import org.junit.jupiter.api.Test;

/** The forms of pgcli's startup queries (foreign keys, functions) the engine cannot run as sent. */
class PgcliCatalogRewriteTest {

  private final CatalogRewrite rewrite = new CatalogRewrite();

  private String engine(String sql) throws Exception {
    String r = rewrite.rewrite(sql, SqlLexer.tokenize(sql));
    return r == null ? sql : r;
  }

  @Test
  void foreignKeyColumnsBecomeLockstepPositionsOverKeyNames() throws Exception {
    String names =
        "(select array_agg(attname ORDER BY i) from (select unnest(%s) as attnum,"
            + " generate_subscripts(%s, 1) as i) x JOIN pg_catalog.pg_attribute c USING(attnum)"
            + " WHERE c.attrelid = fk.%s)";
    String sql =
        "SELECT t_p.relname AS parenttable, unnest(("
            + names.formatted("confkey", "confkey", "confrelid")
            + ")) AS parentcolumn, t_c.relname AS childtable, unnest(("
            + names.formatted("conkey", "conkey", "conrelid")
            + ")) AS childcolumn FROM pg_catalog.pg_constraint fk JOIN pg_catalog.pg_class t_p"
            + " ON t_p.oid = fk.confrelid JOIN pg_catalog.pg_class t_c ON t_c.oid = fk.conrelid"
            + " WHERE fk.contype = 'f';";
    String parent = "(distdb_catalog.d_key_column_names(fk.confrelid, confkey))";
    String child = "(distdb_catalog.d_key_column_names(fk.conrelid, conkey))";
    assertThat(engine(sql))
        .isEqualTo(
            "SELECT t_p.relname AS parenttable, CASE WHEN distdb_lockstep.n <= CARDINALITY("
                + parent
                + ") THEN ("
                + parent
                + ")[distdb_lockstep.n] END AS parentcolumn, t_c.relname AS childtable,"
                + " CASE WHEN distdb_lockstep.n <= CARDINALITY("
                + child
                + ") THEN ("
                + child
                + ")[distdb_lockstep.n] END AS childcolumn FROM distdb_catalog.pg_constraint_rows fk"
                + " JOIN distdb_catalog.pg_class_rows t_p ON t_p.oid = fk.confrelid JOIN"
                + " distdb_catalog.pg_class_rows t_c ON t_c.oid = fk.conrelid JOIN"
                + " distdb_catalog.array_position distdb_lockstep ON distdb_lockstep.n <="
                + " GREATEST(CARDINALITY("
                + parent
                + "), CARDINALITY("
                + child
                + ")) WHERE fk.contype = 'f';");
  }

  @Test
  void regtypeArraysAndStringsAreNamesAndOids() throws Exception {
    assertThat(
            engine("SELECT COALESCE(proallargtypes::regtype[], p.proargtypes::regtype[])::text[]"))
        .isEqualTo(
            "SELECT COALESCE(distdb_catalog.d_regtype_names(proallargtypes),"
                + " distdb_catalog.d_regtype_names(p.proargtypes))::text[]");
    assertThat(engine("SELECT 1 WHERE p.prorettype::regtype != 'trigger'::regtype"))
        .isEqualTo("SELECT 1 WHERE p.prorettype != distdb_catalog.d_regtype_oid('trigger')");
    assertThat(engine("SELECT 'int4'::regtype::text"))
        .isEqualTo(
            "SELECT distdb_catalog.d_format_type(distdb_catalog.d_regtype_oid('int4'), NULL)"
                + " AS format_type");
  }
}
