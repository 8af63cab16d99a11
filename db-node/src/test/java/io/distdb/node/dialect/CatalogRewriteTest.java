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
  void subscriptsOfCatalogArraysAreNullOutOfRangeAndInt2vectorsCountFromZero() throws Exception {
    assertThat(engine("SELECT c.conname FROM pg_constraint c WHERE c.confkey[pos.n] = 1"))
        .isEqualTo(
            "SELECT c.conname FROM distdb_catalog.pg_constraint_rows c WHERE CASE WHEN (pos.n)"
                + " BETWEEN 1 AND CARDINALITY(c.confkey) THEN c.confkey[(pos.n)] END = 1");
    // pgjdbc's getIndexInfo: an outer query reads the int2vector through its alias.
    assertThat(
            engine(
                "SELECT t.OPT[t.POS - 1] FROM (SELECT i.indoption AS OPT, 1 AS POS"
                    + " FROM pg_index i) t"))
        .isEqualTo(
            "SELECT CASE WHEN (t.POS - 1) BETWEEN 0 AND CARDINALITY(t.OPT) - 1 THEN"
                + " t.OPT[(t.POS - 1) + 1] END AS opt FROM (SELECT i.indoption AS OPT, 1 AS POS"
                + " FROM distdb_catalog.pg_index_rows i) t");
    assertThat(engine("SELECT (current_schemas(false))[1], ARRAY[1, 2], x[1:2] FROM pg_class"))
        .isEqualTo(
            "SELECT ((ARRAY[CURRENT_SCHEMA]))[1], ARRAY[1, 2], x[1:2] FROM distdb_catalog.pg_class_rows AS pg_class");
    assertThat(engine("SELECT x[1] FROM t")).isEqualTo("SELECT x[1] FROM t");
  }

  @Test
  void typeormsSchemaQueries() throws Exception {
    // An unaliased information_schema view keeps the client's name for it (columns.*).
    assertThat(
            engine(
                "SELECT columns.* FROM \"information_schema\".\"columns\" WHERE"
                    + " \"columns\".\"table_name\" = 't'"))
        .isEqualTo(
            "SELECT columns.* FROM distdb_catalog.information_schema_columns AS \"columns\" WHERE"
                + " \"columns\".\"table_name\" = 't'");
    // A parenthesized expression cast to regclass is looked up as a name.
    assertThat(engine("SELECT (quote_ident(s) || '.' || quote_ident(t))::regclass FROM x"))
        .isEqualTo(
            "SELECT distdb_catalog.d_regclass_oid((quote_ident(s) || '.' || quote_ident(t)))"
                + " FROM x");
    assertThat(
            engine(
                "SELECT ('\"' || \"udt_schema\" || '\".\"' || \"udt_name\" || '\"')::\"regtype\"::text"
                    + " AS \"regtype\" FROM t"))
        .isEqualTo(
            "SELECT distdb_catalog.d_format_type(distdb_catalog.d_regtype_oid('\"' ||"
                + " \"udt_schema\" || '\".\"' || \"udt_name\" || '\"'), NULL) AS \"regtype\" FROM t");
    // Two unnest() in a select list run in lockstep over the positions.
    assertThat(
            engine(
                "SELECT * FROM (SELECT UNNEST (c.conkey) AS \"parent\", UNNEST (c.confkey) AS"
                    + " \"child\", c.conname FROM pg_constraint c WHERE c.contype = 'f') con"))
        .isEqualTo(
            "SELECT * FROM (SELECT CASE WHEN distdb_lockstep.n <= CARDINALITY(c.conkey) THEN"
                + " (c.conkey)[distdb_lockstep.n] END AS \"parent\", CASE WHEN distdb_lockstep.n"
                + " <= CARDINALITY(c.confkey) THEN (c.confkey)[distdb_lockstep.n] END AS"
                + " \"child\", c.conname FROM distdb_catalog.pg_constraint_rows c JOIN"
                + " distdb_catalog.array_position distdb_lockstep ON distdb_lockstep.n <="
                + " GREATEST(CARDINALITY(c.conkey), CARDINALITY(c.confkey)) WHERE c.contype = 'f')"
                + " con");
  }

  @Test
  void catalogRelationsHeCompletesGoToTheirTables() throws Exception {
    assertThat(
            engine(
                "SELECT a.attname FROM pg_catalog.pg_attribute a"
                    + " JOIN pg_namespace n ON true, pg_catalog.pg_class c"))
        .isEqualTo(
            "SELECT a.attname FROM distdb_catalog.pg_attribute_rows a"
                + " JOIN distdb_catalog.pg_namespace_rows n ON true, distdb_catalog.pg_class_rows c");
    assertThat(engine("SELECT r.conname FROM pg_constraint r, pg_namespace n, pg_class c"))
        .isEqualTo(
            "SELECT r.conname FROM distdb_catalog.pg_constraint_rows r,"
                + " distdb_catalog.pg_namespace_rows n, distdb_catalog.pg_class_rows c");
    // A stored view names the catalog's view, which stays when an upgrade replaces the table.
    assertThat(engine("CREATE VIEW mine AS SELECT relname FROM pg_class"))
        .isEqualTo("CREATE VIEW mine AS SELECT relname FROM distdb_catalog.pg_class");
  }

  @Test
  void informationSchemaViewsOfPostgresShapeShadowH2s() throws Exception {
    assertThat(
            engine(
                "SELECT c.column_name FROM INFORMATION_SCHEMA.COLUMNS c"
                    + " JOIN information_schema.tables t ON t.table_name = c.table_name"))
        .isEqualTo(
            "SELECT c.column_name FROM distdb_catalog.information_schema_columns c"
                + " JOIN distdb_catalog.information_schema_tables t ON t.table_name = c.table_name");
    assertThat(engine("SELECT pg_is_in_recovery()"))
        .isEqualTo("SELECT (UPPER(CURRENT_USER) = 'DISTDB_READER') AS pg_is_in_recovery");
    assertThat(engine("SELECT schema_name FROM information_schema.schemata"))
        .isEqualTo("SELECT schema_name FROM distdb_catalog.information_schema_schemata");
    // Views distdb does not reshape stay H2's.
    assertThat(engine("SELECT routine_name FROM information_schema.routines"))
        .isEqualTo("SELECT routine_name FROM information_schema.routines");
  }

  @Test
  void rolesSessionsAndFunctionsOfTheNode() throws Exception {
    assertThat(engine("SELECT rolname FROM pg_roles WHERE rolname = current_user"))
        .isEqualTo(
            "SELECT rolname FROM distdb_catalog.pg_roles"
                + " WHERE rolname = CAST(@distdb_user AS VARCHAR)");
    assertThat(engine("SELECT current_user, datname FROM pg_catalog.pg_database"))
        .isEqualTo(
            "SELECT CAST(@distdb_user AS VARCHAR) AS \"current_user\", datname"
                + " FROM distdb_catalog.pg_database");
    assertThat(engine("SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()"))
        .isEqualTo(
            "SELECT query FROM distdb_catalog.pg_stat_activity WHERE pid = CAST(@distdb_backend_pid AS INTEGER)");
    assertThat(engine("SELECT pg_get_userbyid(p.proowner), p.proargtypes::text FROM pg_proc p"))
        .isEqualTo(
            "SELECT distdb_catalog.d_pg_get_userbyid(p.proowner) AS pg_get_userbyid,"
                + " ARRAY_TO_STRING(p.proargtypes, ' ') AS proargtypes FROM distdb_catalog.pg_proc p");
    assertThat(engine("SELECT to_regclass('t') IS NULL"))
        .isEqualTo("SELECT distdb_catalog.d_to_regclass('t') IS NULL");
  }

  @Test
  void castsOperatorsAndAliasesBecomeH2Forms() throws Exception {
    assertThat(engine("SELECT 1 WHERE d.classoid = 'pg_class'::regclass"))
        .isEqualTo("SELECT 1 WHERE d.classoid = 1259");
    assertThat(engine("SELECT 1 WHERE d.classoid = 'pg_catalog.pg_proc'::regclass"))
        .isEqualTo("SELECT 1 WHERE d.classoid = 1255");
    assertThat(engine("SELECT 1 WHERE d.refobjid = 'public.orders'::regclass"))
        .isEqualTo("SELECT 1 WHERE d.refobjid = distdb_catalog.d_regclass_oid('public.orders')");
    assertThat(engine("SELECT a.attrelid::regclass::text, c.oid::regclass FROM t"))
        .isEqualTo("SELECT distdb_catalog.d_regclass_name(a.attrelid), c.oid FROM t");
    assertThat(engine("SELECT 1 WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$'"))
        .isEqualTo("SELECT 1 WHERE c.relname  ~  '^(t)$'");
    assertThat(engine("SELECT x AS DEFAULT, y as key FROM t WHERE ix.indisprimary = 'f'"))
        .isEqualTo("SELECT x AS \"default\", y AS \"key\" FROM t WHERE ix.indisprimary = FALSE");
    assertThat(
            engine(
                "SELECT CASE \"ix\".\"indisunique\" WHEN 't' THEN 'TRUE' ELSE'FALSE' END FROM t"))
        .isEqualTo(
            "SELECT CASE \"ix\".\"indisunique\" WHEN TRUE THEN 'TRUE' ELSE'FALSE' END FROM t");
    assertThat(engine("SELECT * FROM current_schema()"))
        .isEqualTo(
            "SELECT * FROM (SELECT CURRENT_SCHEMA AS \"current_schema\") AS \"current_schema\"");
    assertThat(engine("SELECT * FROM current_database()"))
        .isEqualTo(
            "SELECT * FROM (SELECT datname AS current_database FROM"
                + " distdb_catalog.current_database) AS current_database");
    assertThat(engine("SELECT CASE x WHEN 't' THEN 1 END FROM t"))
        .isEqualTo("SELECT CASE x WHEN 't' THEN 1 END FROM t");
    assertThat(
            engine(
                "SELECT pg_catalog.format_type(a.atttypid, a.atttypmod), ix.indkey::varchar FROM t"))
        .isEqualTo(
            "SELECT distdb_catalog.d_format_type(a.atttypid, a.atttypmod) AS format_type,"
                + " ARRAY_TO_STRING(ix.indkey, ' ') AS indkey FROM t");
    assertThat(engine("SELECT 1 FROM t WHERE pg_catalog.pg_table_is_visible(c.oid)"))
        .isEqualTo("SELECT 1 FROM t WHERE distdb_catalog.d_pg_table_is_visible(c.oid)");
  }

  @Test
  void unnestOfACatalogArrayBecomesAJoinWithPositions() throws Exception {
    assertThat(
            UnnestRewrite.rewrite(
                "SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord"
                    + " FROM pg_index ix WHERE ix.indrelid = 5"))
        .isEqualTo(
            "SELECT (ix.indkey)[k.n] attnum, k.n ord FROM pg_index ix JOIN"
                + " distdb_catalog.array_position k ON k.n <= CARDINALITY(ix.indkey) WHERE"
                + " ix.indrelid = 5");
    assertThat(
            UnnestRewrite.rewrite(
                "SELECT attname FROM unnest(c.conkey) WITH ORDINALITY cols(colid, arridx)"
                    + " JOIN a ON cols.colid = a.attnum ORDER BY cols.arridx"))
        .isEqualTo(
            "SELECT attname FROM distdb_catalog.array_position cols JOIN a ON CASE WHEN cols.n"
                + " <= CARDINALITY(c.conkey) THEN (c.conkey)[cols.n] END = a.attnum ORDER BY"
                + " cols.n");
    // The positions are H2's, from 1: the catalog rewrite leaves those subscripts alone.
    assertThat(
            engine(
                "SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord"
                    + " FROM pg_index ix WHERE ix.indrelid = 5"))
        .startsWith("SELECT (ix.indkey)[k.n] attnum");
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
        .isEqualTo(
            "SELECT (SELECT datname FROM distdb_catalog.current_database) AS current_database");
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
    // pgjdbc's getBestRowIdentifier: a derived table without a WHERE.
    assertThat(
            ExpandArrayRewrite.rewrite(
                "SELECT a.attname FROM a JOIN (SELECT i.indrelid,"
                    + " information_schema._pg_expandarray(i.indkey) AS keys FROM pg_index i) i"
                    + " ON (a.attnum = (i.keys).x AND i.indrelid = a.attrelid)"))
        .isEqualTo(
            "SELECT a.attname FROM a JOIN (SELECT i.indrelid, (i.indkey)[distdb_x.n] AS keys"
                + " FROM pg_index i JOIN system_range(1, 32) AS distdb_x(n)"
                + " ON distdb_x.n <= CARDINALITY(i.indkey) ) i"
                + " ON (a.attnum = i.keys AND i.indrelid = a.attrelid)");
  }

  @Test
  void psqlsDescribeQueriesForThingsDistdbHasNoneOf() throws Exception {
    assertThat(
            engine(
                "SELECT u.tgrelid FROM pg_trigger u, pg_partition_ancestors(t.tgrelid)"
                    + " WITH ORDINALITY AS a(relid, depth)"))
        .isEqualTo(
            "SELECT u.tgrelid FROM distdb_catalog.pg_trigger u, (SELECT CAST(NULL AS INTEGER) AS"
                + " relid, CAST(NULL AS BIGINT) AS ordinality WHERE FALSE) AS a(relid, depth)");
    assertThat(
            engine(
                "SELECT conname FROM pg_constraint WHERE confrelid IN"
                    + " (SELECT pg_partition_ancestors('191') UNION ALL VALUES (1))"))
        .contains("IN (SELECT CAST(NULL AS INTEGER) UNION ALL");
    assertThat(engine("SELECT array(select 'toast.' || x from unnest(tc.reloptions) x)"))
        .contains("from (SELECT CAST(NULL AS VARCHAR) AS x WHERE FALSE) x");
  }

  @Test
  void aLabelledRegclassPrintsTheNameAnUnlabelledOneIsTheOid() throws Exception {
    assertThat(engine("SELECT conrelid::regclass AS ontable FROM pg_constraint"))
        .isEqualTo(
            "SELECT distdb_catalog.d_regclass_name(conrelid) AS ontable"
                + " FROM distdb_catalog.pg_constraint_rows AS pg_constraint");
    assertThat(engine("SELECT 1 FROM pg_class WHERE oid = conrelid::regclass"))
        .isEqualTo("SELECT 1 FROM distdb_catalog.pg_class_rows AS pg_class WHERE oid = conrelid");
  }

  @Test
  void versionAndTheSessionsNamesComeFromTheCatalog() throws Exception {
    assertThat(engine("SELECT version()"))
        .isEqualTo(
            "SELECT (SELECT CAST(@distdb_version AS VARCHAR) FROM"
                + " distdb_catalog.current_database) AS version");
    assertThat(engine("SELECT current_role, current_catalog, user"))
        .isEqualTo(
            "SELECT CAST(@distdb_user AS VARCHAR) AS \"current_role\","
                + " (SELECT datname FROM distdb_catalog.current_database) AS \"current_catalog\","
                + " CAST(@distdb_user AS VARCHAR) AS \"user\"");
    assertThat(engine("CREATE USER bob")).isEqualTo("CREATE USER bob");
    assertThat(engine("SELECT \"user\" FROM t")).isEqualTo("SELECT \"user\" FROM t");
  }

  @Test
  void onlyTheSessionWordsThemselvesBringAStatementHere() {
    assertThat(CatalogRewrite.mightApply("select version()")).isTrue();
    assertThat(CatalogRewrite.mightApply("select current_user, user")).isTrue();
    assertThat(CatalogRewrite.mightApply("insert into users (name) values ('x')")).isFalse();
    assertThat(CatalogRewrite.mightApply("update t set version = 2 where version = 1")).isFalse();
    assertThat(CatalogRewrite.mightApply("select \"user\" from t")).isFalse();
  }
}
