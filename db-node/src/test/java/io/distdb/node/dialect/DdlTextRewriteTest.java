package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.sql.SqlLexer;
import org.junit.jupiter.api.Test;

/** The token-level DDL rewrites frameworks' schema statements need (Django's, here). */
class DdlTextRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws Exception {
    return dialect.translate(sql).sql();
  }

  @Test
  void operatorClassesAreDropped() throws Exception {
    assertThat(engine("CREATE INDEX \"a_name_like\" ON \"a\" (\"name\" varchar_pattern_ops)"))
        .isEqualTo("CREATE INDEX \"a_name_like\" ON \"a\" (\"name\" )");
    assertThat(engine("CREATE INDEX CONCURRENTLY ix ON t (lower(a) text_pattern_ops, b)"))
        .isEqualTo("CREATE INDEX  ix ON t (lower(a) , b)");
    assertThat(engine("SELECT varchar_pattern_ops FROM t"))
        .isEqualTo("SELECT varchar_pattern_ops FROM t");
  }

  @Test
  void deferrableIsDroppedFromConstraints() throws Exception {
    assertThat(
            engine(
                "ALTER TABLE \"b\" ADD CONSTRAINT \"b_a_fk\" FOREIGN KEY (\"a_id\") REFERENCES \"a\""
                    + " (\"id\") DEFERRABLE INITIALLY DEFERRED"))
        .isEqualTo(
            "ALTER TABLE \"b\" ADD CONSTRAINT \"b_a_fk\" FOREIGN KEY (\"a_id\") REFERENCES \"a\""
                + " (\"id\")  ");
    assertThat(engine("CREATE TABLE c (a int REFERENCES a (id) NOT DEFERRABLE, b int)"))
        .isEqualTo("CREATE TABLE c (a int REFERENCES a (id) , b int)");
    assertThat(engine("SELECT 'DEFERRABLE INITIALLY DEFERRED'"))
        .isEqualTo("SELECT 'DEFERRABLE INITIALLY DEFERRED'");
  }

  @Test
  void aDefaultAfterAColumnConstraintMovesInFrontOfIt() throws Exception {
    // knex's enu(): CHECK before DEFAULT, which H2 does not parse.
    assertThat(
            engine(
                "create table \"c\" (\"hits\" bigint not null default '0', \"kind\" text check"
                    + " (\"kind\" in ('page', 'api')) default 'page', constraint \"c_pkey\" primary"
                    + " key (\"key\"))"))
        .isEqualTo(
            "CREATE TABLE \"c\" (\"hits\" bigint not null default '0', \"kind\" text default"
                + " 'page' CONSTRAINT \"c_kind_check\" check (\"kind\" IN ('page', 'api')),"
                + " CONSTRAINT \"c_pkey\" primary key (\"key\"))");
    assertThat(engine("ALTER TABLE t ADD COLUMN a int UNIQUE DEFAULT (1 + 2) NOT NULL"))
        .isEqualTo(
            "ALTER TABLE t ADD COLUMN a int DEFAULT (1 + 2) CONSTRAINT \"t_a_key\" UNIQUE  NOT NULL");
    ColumnDefaultOrderRewrite order = new ColumnDefaultOrderRewrite();
    String inPlace = "CREATE TABLE t (a int DEFAULT 1 CHECK (a > 0), b int)";
    assertThat(order.rewrite(inPlace, SqlLexer.tokenize(inPlace))).isNull();
    String tableCheck = "CREATE TABLE t (a int, CHECK (a > 0), b int DEFAULT 2)";
    assertThat(order.rewrite(tableCheck, SqlLexer.tokenize(tableCheck))).isNull();
  }

  @Test
  void renameWithoutColumnGetsTheKeyword() throws Exception {
    // knex's renameColumn.
    assertThat(engine("alter table \"b\" rename \"summary\" to \"blurb\""))
        .isEqualTo("alter table \"b\" rename COLUMN \"summary\" to \"blurb\"");
    assertThat(engine("ALTER TABLE b RENAME COLUMN x TO y"))
        .isEqualTo("ALTER TABLE b RENAME COLUMN x TO y");
    // A relation's rename gets no COLUMN (ViewRenames moves a view's recorded text after it).
    assertThat(engine("ALTER TABLE b RENAME TO c"))
        .startsWith("ALTER TABLE b RENAME TO c; UPDATE ");
    assertThat(engine("ALTER TABLE b RENAME CONSTRAINT x TO y"))
        .isEqualTo("ALTER TABLE b RENAME CONSTRAINT x TO y");
  }
}
