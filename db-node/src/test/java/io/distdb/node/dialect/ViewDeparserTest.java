package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL 15's pg_get_viewdef of views over {@code t (a int, b text, c varchar(20), d numeric)}
 * and {@code u (id int, t_a int, name text)}, recorded from a real server; the relation markers
 * written as {@code @}. PgViewDefinitionIT checks the same against PostgreSQL itself.
 */
class ViewDeparserTest {

  private static final Schema SCHEMA =
      new Schema() {
        @Override
        public List<String> columns(String table) {
          return List.copyOf(columnTypes(null, table).keySet());
        }

        @Override
        public List<String> constraintColumns(String table, String constraint) {
          return List.of();
        }

        @Override
        public Map<String, String> columnTypes(String schema, String table) {
          Map<String, String> m = new LinkedHashMap<>();
          switch (table) {
            case "t" -> {
              m.put("a", "int4");
              m.put("b", "text");
              m.put("c", "varchar");
              m.put("d", "numeric");
            }
            case "u" -> {
              m.put("id", "int4");
              m.put("t_a", "int4");
              m.put("name", "text");
            }
            default -> {}
          }
          return m;
        }
      };

  private static ViewDeparser.Definition deparse(String createView) throws Exception {
    CreateView v = (CreateView) PostgresParser.parse(createView);
    List<String> columns =
        v.getColumnNames() == null
            ? List.of()
            : v.getColumnNames().stream().map(c -> c.getColumnName()).toList();
    ViewDeparser.Definition d =
        ViewDeparser.deparse((PlainSelect) v.getSelect(), columns, SCHEMA, "public");
    return d == null
        ? null
        : new ViewDeparser.Definition(readable(d.plain()), readable(d.pretty()));
  }

  private static String readable(String s) {
    return s.replaceAll("\u0001public\u0002([a-z]+)\u0001", "$1");
  }

  @Test
  void singleTableWithCondition() throws Exception {
    ViewDeparser.Definition d = deparse("CREATE VIEW v1 AS SELECT a, b FROM t WHERE a > 1");
    assertThat(d.plain()).isEqualTo(" SELECT t.a,\n    t.b\n   FROM t\n  WHERE (t.a > 1);");
    assertThat(d.pretty()).isEqualTo(" SELECT t.a,\n    t.b\n   FROM t\n  WHERE t.a > 1;");
  }

  @Test
  void varcharComparedAsTextAndAliases() throws Exception {
    ViewDeparser.Definition d =
        deparse(
            "CREATE VIEW v4 AS SELECT a AS x, lower(b) AS lb, c FROM t"
                + " WHERE c = 'x' AND d IS NOT NULL");
    assertThat(d.plain())
        .isEqualTo(
            " SELECT t.a AS x,\n    lower(t.b) AS lb,\n    t.c\n   FROM t\n"
                + "  WHERE (((t.c)::text = 'x'::text) AND (t.d IS NOT NULL));");
    assertThat(d.pretty())
        .isEqualTo(
            " SELECT t.a AS x,\n    lower(t.b) AS lb,\n    t.c\n   FROM t\n"
                + "  WHERE t.c::text = 'x'::text AND t.d IS NOT NULL;");
  }

  @Test
  void joinsInListsAndLike() throws Exception {
    ViewDeparser.Definition d =
        deparse(
            "CREATE VIEW v6 AS SELECT t.a, u.name FROM t LEFT JOIN u ON u.t_a = t.a"
                + " WHERE (t.a IN (1,2,3)) AND (u.name LIKE 'a%' OR t.a = 0) ORDER BY t.a");
    assertThat(d.plain())
        .isEqualTo(
            " SELECT t.a,\n    u.name\n   FROM (t\n     LEFT JOIN u ON ((u.t_a = t.a)))\n"
                + "  WHERE ((t.a = ANY (ARRAY[1, 2, 3])) AND ((u.name ~~ 'a%'::text) OR (t.a = 0)))\n"
                + "  ORDER BY t.a;");
    assertThat(d.pretty())
        .isEqualTo(
            " SELECT t.a,\n    u.name\n   FROM t\n     LEFT JOIN u ON u.t_a = t.a\n"
                + "  WHERE (t.a = ANY (ARRAY[1, 2, 3])) AND (u.name ~~ 'a%'::text OR t.a = 0)\n"
                + "  ORDER BY t.a;");
  }

  @Test
  void aggregatesStarAndColumnList() throws Exception {
    assertThat(
            deparse(
                    "CREATE VIEW v8 AS SELECT b, count(*), sum(d) AS total, max(a) FROM t"
                        + " GROUP BY b HAVING count(*) > 1")
                .plain())
        .isEqualTo(
            " SELECT t.b,\n    count(*) AS count,\n    sum(t.d) AS total,\n    max(t.a) AS max\n"
                + "   FROM t\n  GROUP BY t.b\n HAVING (count(*) > 1);");
    assertThat(deparse("CREATE VIEW v5 AS SELECT * FROM t").plain())
        .isEqualTo(" SELECT t.a,\n    t.b,\n    t.c,\n    t.d\n   FROM t;");
    assertThat(deparse("CREATE VIEW v13 (p, q) AS SELECT a, b FROM t CROSS JOIN u").plain())
        .isEqualTo(" SELECT t.a AS p,\n    t.b AS q\n   FROM (t\n     CROSS JOIN u);");
    assertThat(
            deparse(
                    "CREATE VIEW v11 AS SELECT x.a, u.name FROM t x, u WHERE u.t_a = x.a"
                        + " ORDER BY x.a DESC, u.name NULLS FIRST LIMIT 10 OFFSET 5")
                .plain())
        .isEqualTo(
            " SELECT x.a,\n    u.name\n   FROM t x,\n    u\n  WHERE (u.t_a = x.a)\n"
                + "  ORDER BY x.a DESC, u.name NULLS FIRST\n OFFSET 5\n LIMIT 10;");
  }

  @Test
  void whatItCannotPrintIsLeftToTheEngine() throws Exception {
    assertThat(deparse("CREATE VIEW v AS SELECT CASE WHEN a > 0 THEN 1 END FROM t")).isNull();
    assertThat(deparse("CREATE VIEW v AS SELECT a FROM t WHERE d > '1'")).isNull();
    assertThat(deparse("CREATE VIEW v AS SELECT a FROM (SELECT a FROM t) s")).isNull();
    assertThat(deparse("CREATE VIEW v AS SELECT a FROM nosuch")).isNull();
  }
}
