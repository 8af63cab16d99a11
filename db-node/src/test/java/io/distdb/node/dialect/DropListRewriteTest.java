package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Multi-object DROP: one engine statement per object, after PostgreSQL's checks on the catalog. */
class DropListRewriteTest {

  private final Dialect dialect = new Dialect(16);

  /** A catalog of a few objects in schema public: views with their definitions, and the rest. */
  private static final class Catalog implements Schema {
    final Map<String, String> views =
        Map.of(
            "v1", "SELECT \"id\" FROM \"public\".\"a\"",
            "v2", "SELECT \"id\" FROM \"public\".\"v1\"",
            "v3", "SELECT \"id\" FROM \"public\".\"b\"");
    final Set<String> tables = Set.of("a", "b", "uses");
    final Set<String> sequences = Set.of("s1", "s2");
    final Set<String> indexes = Set.of("i1", "i2");
    final Set<String> types = Set.of("e1", "e2");

    @Override
    public List<String> columns(String table) {
      return List.of();
    }

    @Override
    public List<String> constraintColumns(String table, String constraint) {
      return List.of();
    }

    @Override
    public boolean objectExists(ObjectKind kind, ObjectName name) {
      if (!name.schema().equals("public")) {
        return false;
      }
      return switch (kind) {
        case TABLE -> tables.contains(name.name());
        case VIEW -> views.containsKey(name.name());
        case SEQUENCE -> sequences.contains(name.name());
        case INDEX -> indexes.contains(name.name());
        case TYPE -> types.contains(name.name());
      };
    }

    @Override
    public boolean schemaExists(String schema) {
      return schema.equals("public");
    }

    @Override
    public List<View> views() {
      List<View> out = new ArrayList<>();
      views.forEach((name, text) -> out.add(new View(new ObjectName("public", name), text)));
      return out;
    }

    @Override
    public ColumnType column(String schema, String table, String column) {
      return table.equals("my_t") && column.equals("id")
          ? new ColumnType("INTEGER", "BY DEFAULT")
          : null;
    }

    @Override
    public boolean typeInUse(ObjectName type) {
      return type.name().equals("e2");
    }
  }

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql, new Catalog()).sql();
  }

  @Test
  void eachObjectIsDroppedByItsOwnStatementReadersFirst() throws Exception {
    assertThat(engine("DROP VIEW v1, v2"))
        .isEqualTo("DROP VIEW \"public\".\"v2\"; DROP VIEW \"public\".\"v1\"");
    assertThat(engine("drop view if exists v3, nosuch cascade"))
        .isEqualTo(
            "DROP VIEW IF EXISTS \"public\".\"v3\" CASCADE;"
                + " DROP VIEW IF EXISTS \"public\".\"nosuch\" CASCADE");
    assertThat(engine("DROP SEQUENCE s1, public.s2 CASCADE"))
        .isEqualTo("DROP SEQUENCE \"public\".\"s1\"; DROP SEQUENCE \"public\".\"s2\"");
    assertThat(engine("DROP INDEX i1 RESTRICT")).isEqualTo("DROP INDEX \"public\".\"i1\"");
    assertThat(engine("DROP DOMAIN e1, \"e1\""))
        .isEqualTo("DROP DOMAIN \"public\".\"e1\"; DROP DOMAIN \"public\".\"e1\"");
    // The engine drops a list of tables itself; a single sequence or index stays as written.
    assertThat(engine("DROP TABLE a, b CASCADE")).isEqualTo("DROP TABLE a, b CASCADE");
  }

  @Test
  void nothingIsDroppedWhenOneObjectWouldFail() {
    assertThatThrownBy(() -> engine("DROP VIEW v3, nosuch, v1"))
        .hasMessage("view \"nosuch\" does not exist")
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("42P01");
    assertThatThrownBy(() -> engine("DROP INDEX i1, nosuch"))
        .hasMessage("index \"nosuch\" does not exist")
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("42704");
    assertThatThrownBy(() -> engine("DROP SEQUENCE other.s1, s2"))
        .hasMessage("schema \"other\" does not exist");
    // v2 reads v1 and is not in the list; a column has type e2.
    assertThatThrownBy(() -> engine("DROP VIEW v1, v3"))
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("2BP01");
    assertThatThrownBy(() -> engine("DROP TYPE e1, e2"))
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("2BP01");
    assertThatThrownBy(() -> engine("DROP VIEW v3, a")).hasMessage("\"a\" is not a view");
    assertThatThrownBy(() -> engine("DROP TABLE IF EXISTS a, v3"))
        .hasMessage("\"v3\" is not a table");
    assertThatThrownBy(() -> engine("DROP INDEX CONCURRENTLY i1, i2"))
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("0A000");
  }

  @Test
  void aSerialColumnsSequenceCannotBeDroppedWithoutCascade() throws Exception {
    assertThatThrownBy(() -> engine("DROP SEQUENCE my_t_id_seq"))
        .hasMessage("cannot drop sequence my_t_id_seq because other objects depend on it");
    assertThatThrownBy(() -> engine("DROP SEQUENCE s1, my_t_id_seq"))
        .extracting(e -> ((StatementException) e).sqlState())
        .isEqualTo("2BP01");
    assertThat(engine("DROP SEQUENCE s1")).isEqualTo("DROP SEQUENCE \"public\".\"s1\"");
    assertThatThrownBy(() -> engine("DROP SEQUENCE nosuch_seq"))
        .hasMessage("sequence \"nosuch_seq\" does not exist");
  }

  @Test
  void cascadeSkipsTheDependencyChecks() throws Exception {
    assertThat(engine("DROP VIEW v1, v3 CASCADE"))
        .isEqualTo("DROP VIEW \"public\".\"v1\" CASCADE; DROP VIEW \"public\".\"v3\" CASCADE");
    assertThat(engine("DROP TYPE e1, e2 CASCADE"))
        .isEqualTo("DROP TYPE \"public\".\"e1\" CASCADE; DROP TYPE \"public\".\"e2\" CASCADE");
  }

  @Test
  void aMissingSchemaUnderIfExistsIsLeftOut() throws Exception {
    assertThat(engine("DROP SEQUENCE IF EXISTS other.s, s1"))
        .isEqualTo("DROP SEQUENCE IF EXISTS \"public\".\"s1\"");
  }
}
