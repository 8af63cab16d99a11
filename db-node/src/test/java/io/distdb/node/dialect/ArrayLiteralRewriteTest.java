package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrayLiteralRewriteTest {

  private final Dialect dialect = new Dialect(16);

  /** pa (id, tags text[], n int[]). */
  private final Schema schema =
      new Schema() {
        @Override
        public List<String> columns(String table) {
          return List.of("id", "tags", "n");
        }

        @Override
        public List<String> constraintColumns(String table, String constraint) {
          return List.of("id");
        }

        @Override
        public Map<String, String> arrayColumns(String table) {
          return table.equals("pa")
              ? Map.of("tags", "CHARACTER VARYING", "n", "INTEGER")
              : Map.of();
        }
      };

  private String engine(String sql) throws Exception {
    return dialect.translate(sql, schema).sql();
  }

  @Test
  void castLiteralsBecomeArrayConstructorsLabelledAfterTheType() throws Exception {
    assertThat(engine("SELECT '{1, 2,NULL}'::int[]"))
        .isEqualTo("SELECT CAST(ARRAY['1', '2', NULL] AS int ARRAY) AS \"int4\"");
    assertThat(engine("SELECT CAST('{\"a b\",c\\,d}' AS text[]) AS t"))
        .isEqualTo("SELECT CAST(ARRAY['a b', 'c,d'] AS text ARRAY) AS t");
    assertThat(engine("SELECT '{1}'::_int4"))
        .isEqualTo("SELECT CAST(ARRAY['1'] AS int4 ARRAY) AS \"_int4\"");
    assertThat(engine("SELECT '{it''s}'::text[] AS t"))
        .isEqualTo("SELECT CAST(ARRAY['it''s'] AS text ARRAY) AS t");
    assertThat(engine("SELECT '{t,off}'::bool[] AS b"))
        .isEqualTo("SELECT CAST(ARRAY['TRUE', 'FALSE'] AS bool ARRAY) AS b");
  }

  @Test
  void multidimensionalCastsNestConstructors() throws Exception {
    assertThat(engine("SELECT '{{1,2},{3,4}}'::int[] AS m"))
        .isEqualTo("SELECT CAST(ARRAY[ARRAY['1', '2'], ARRAY['3', '4']] AS int ARRAY ARRAY) AS m");
  }

  @Test
  void badElementsFailAsPostgresqlDoes() {
    assertThatThrownBy(() -> engine("SELECT '{1,a}'::int[]"))
        .isInstanceOf(StatementException.class)
        .hasMessage("invalid input syntax for type integer: \"a\"")
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("22P02");
    assertThatThrownBy(() -> engine("SELECT 'abc'::int[]"))
        .hasMessage("malformed array literal: \"abc\"");
    assertThatThrownBy(() -> engine("SELECT '{99999999999}'::int[]"))
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("22003");
  }

  @Test
  void literalsIntoArrayColumnsAreParsed() throws Exception {
    assertThat(engine("INSERT INTO pa (tags, n) VALUES ('{a,\"b c\"}', '{1,2}')"))
        .isEqualTo("INSERT INTO pa (tags, n) VALUES (ARRAY['a', 'b c'], ARRAY['1', '2'])");
    assertThat(engine("INSERT INTO pa VALUES (1, '{}', '{3}')"))
        .isEqualTo("INSERT INTO pa VALUES (1, ARRAY[], ARRAY['3'])");
    assertThat(engine("UPDATE pa SET tags = '{x}' WHERE id = 1"))
        .isEqualTo("UPDATE pa SET tags = ARRAY['x'] WHERE id = 1");
    assertThatThrownBy(() -> engine("INSERT INTO pa (n) VALUES ('{x}')"))
        .hasMessage("invalid input syntax for type integer: \"x\"");
  }

  @Test
  void otherLiteralsAreLeftAlone() throws Exception {
    assertThat(engine("INSERT INTO other (a) VALUES ('{a}')"))
        .isEqualTo("INSERT INTO other (a) VALUES ('{a}')");
    assertThat(engine("SELECT '{a}'::text AS t")).isEqualTo("SELECT '{a}'::text AS t");
  }
}
