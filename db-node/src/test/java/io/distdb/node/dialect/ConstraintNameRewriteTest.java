package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names of unnamed constraints, each expectation the name PostgreSQL 15 chose for the same DDL. */
class ConstraintNameRewriteTest {

  private final Schema schema =
      new Schema() {
        @Override
        public List<String> columns(String table) {
          return List.of();
        }

        @Override
        public List<String> constraintColumns(String table, String constraint) {
          return List.of();
        }

        @Override
        public boolean relationExists(String schemaName, String name) {
          return Set.of("orders_pkey").contains(name);
        }
      };

  /** The engine's text in lower case: the tree prints the client's keywords as written. */
  private String engine(String sql) throws Exception {
    return new Dialect(16).translate(sql, schema).sql().toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void columnAndTableConstraintsGetPostgresNames() throws Exception {
    String sql =
        engine(
            "create table ch (id bigserial primary key, pa_id int references pa(id) on delete"
                + " cascade, v numeric(10,2) check (v >= 0), w int unique, code int, tag text,"
                + " unique (code, tag), check (w > 0), check (v > w), foreign key (w) references"
                + " pa(id))");
    assertThat(sql)
        .contains(
            "constraint \"ch_pkey\" primary key",
            "constraint \"ch_pa_id_fkey\" references pa",
            "constraint \"ch_v_check\" check",
            "constraint \"ch_w_key\" unique",
            "constraint \"ch_code_tag_key\" unique (code, tag)",
            "constraint \"ch_w_check\" check (w > 0)",
            "constraint \"ch_check\" check (v > w)",
            "constraint \"ch_w_fkey\" foreign key (w)");
  }

  @Test
  void longNamesAreShortenedAndRepeatsNumbered() throws Exception {
    String sql =
        engine(
            "create table a_really_long_table_name_that_goes_on_and_on_and_on_forever_x (id int"
                + " primary key, some_really_long_column_name_for_testing_purposes_here int unique,"
                + " v int check (v > 0), check (v < 100), check (v > id))");
    assertThat(sql)
        .contains(
            "\"a_really_long_table_name_that_goes_on_and_on_and_on_foreve_pkey\"",
            "\"a_really_long_table_name_that_some_really_long_column_name__key\"",
            "\"a_really_long_table_name_that_goes_on_and_on_and_on_for_v_check\"",
            "\"a_really_long_table_name_that_goes_on_and_on_and_on_fo_v_check1\"",
            "\"a_really_long_table_name_that_goes_on_and_on_and_on_forev_check\"");
  }

  @Test
  void namedConstraintsAndTakenNamesAreRespected() throws Exception {
    String sql =
        engine("create table orders (id int primary key, v int constraint mine check (v > 0))");
    assertThat(sql).contains("constraint \"orders_pkey1\" primary key", "constraint mine check");
    assertThat(sql).doesNotContain("\"orders_v_check\"");
  }

  @Test
  void alterTableAddGetsPostgresNames() throws Exception {
    assertThat(engine("alter table ap add primary key (id)"))
        .isEqualTo("alter table ap add constraint \"ap_pkey\" primary key (id)");
    assertThat(engine("alter table ap add unique (a, b)")).contains("\"ap_a_b_key\" unique");
    assertThat(engine("alter table ap add check (a > 0)")).contains("\"ap_a_check\" check");
    assertThat(engine("alter table ap add check (a > b)")).contains("\"ap_check\" check");
    assertThat(engine("alter table ac add foreign key (p) references ap(id) on delete cascade"))
        .contains("constraint \"ac_p_fkey\" foreign key (p)");
    assertThat(engine("alter table ac add column s int unique check (s <> 0) references ap(id)"))
        .contains(
            "constraint \"ac_s_key\" unique",
            "constraint \"ac_s_check\" check",
            "constraint \"ac_s_fkey\" references");
    assertThat(engine("alter table ac add constraint mine check (q > 0)"))
        .isEqualTo("alter table ac add constraint mine check (q > 0)");
  }

  @Test
  void setNullActionsParseAndAreNamed() throws Exception {
    assertThat(
            engine(
                "create table c (id int primary key, p int references pa(id) on delete set null,"
                    + " q int references pa(id) on update set default, t text[],"
                    + " foreign key (q) references pa(id) on delete set null)"))
        .contains("constraint \"c_p_fkey\" references", "constraint \"c_q_fkey\" references")
        .contains("constraint \"c_q_fkey1\" foreign key (q) references pa(id) on delete set null")
        .contains("array");
  }
}
