package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.sql.SqlLexer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Names of unnamed indexes, each expectation the name PostgreSQL 15 chose for the same statement.
 */
class UnnamedIndexRewriteTest {

  private final Set<String> taken = new HashSet<>();

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
          return taken.contains((schemaName == null ? "public" : schemaName) + "." + name);
        }
      };

  /** Rewrites {@code sql} and returns the chosen name, recording it as taken. */
  private String named(String sql) throws Exception {
    String out = UnnamedIndexRewrite.rewrite(sql, SqlLexer.tokenize(sql), schema);
    assertThat(out).as(sql).isNotNull();
    String name = out.substring(out.indexOf('"') + 1, out.indexOf('"', out.indexOf('"') + 1));
    String schemaName = sql.contains(" s.") ? "s" : "public";
    taken.add(schemaName + "." + name);
    return name;
  }

  @Test
  void columnsExpressionsAndFunctionsAreNamedAsPostgresNamesThem() throws Exception {
    assertThat(named("create index on orders(placed)")).isEqualTo("orders_placed_idx");
    assertThat(named("create index on orders(placed)")).isEqualTo("orders_placed_idx1");
    assertThat(named("create unique index on orders(lower(name), id)"))
        .isEqualTo("orders_lower_id_idx");
    assertThat(named("create index on orders((a+b))")).isEqualTo("orders_expr_idx");
    assertThat(named("create index on orders(lower(name), lower(name) text_pattern_ops)"))
        .isEqualTo("orders_lower_lower1_idx");
    assertThat(named("create index on orders(placed desc nulls last, a)"))
        .isEqualTo("orders_placed_a_idx");
    assertThat(named("create index on orders using btree (name collate \"C\")"))
        .isEqualTo("orders_name_idx");
    assertThat(named("create index on orders((name::varchar))")).isEqualTo("orders_name_idx1");
    assertThat(named("create index on orders(upper((name)))")).isEqualTo("orders_upper_idx");
    assertThat(named("create index on orders((a))")).isEqualTo("orders_a_idx");
    assertThat(named("create index on orders(placed, placed)"))
        .isEqualTo("orders_placed_placed1_idx");
    assertThat(named("create index concurrently on only orders (id)")).isEqualTo("orders_id_idx");
  }

  @Test
  void longNamesAreShortenedLongerPartFirstToSixtyThreeCharacters() throws Exception {
    String table = "a".repeat(61);
    String column = "b".repeat(54);
    assertThat(named("create index on " + table + "(" + column + ", c)"))
        .isEqualTo("a".repeat(29) + "_" + "b".repeat(29) + "_idx")
        .hasSize(63);
  }

  @Test
  void anyRelationOfTheSchemaTakesTheName() throws Exception {
    taken.add("public.t2_x_idx"); // a sequence, in PostgreSQL's test
    assertThat(named("create index on t2(x)")).isEqualTo("t2_x_idx1");
    assertThat(named("create index on s.t(x)")).isEqualTo("t_x_idx");
    assertThat(named("create index on \"Mixed\"(\"Col\")")).isEqualTo("Mixed_Col_idx");
  }

  @Test
  void namedIndexesAndOtherStatementsAreLeftAlone() throws Exception {
    for (String sql :
        List.of(
            "create index ix on t (a)",
            "create index concurrently ix on t (a)",
            "create index if not exists ix on t (a)",
            "create table index_on (a int)",
            "select 'create index on t (a)'")) {
      assertThat(UnnamedIndexRewrite.rewrite(sql, SqlLexer.tokenize(sql), schema)).as(sql).isNull();
    }
  }

  @Test
  void theDialectWritesTheNameIntoTheStatementAndDoesNotCacheIt() throws Exception {
    Dialect dialect = new Dialect(16);
    assertThat(dialect.translate("CREATE INDEX ON orders (placed)", schema).sql())
        .isEqualTo("CREATE INDEX \"orders_placed_idx\" ON orders (placed)");
    taken.add("public.orders_placed_idx");
    assertThat(dialect.translate("CREATE INDEX ON orders (placed)", schema).sql())
        .isEqualTo("CREATE INDEX \"orders_placed_idx1\" ON orders (placed)");
  }
}
