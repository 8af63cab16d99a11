package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cursor commands psycopg 3 and asyncpg send, and the forms distdb refuses. */
class CursorParserTest {

  private static CursorCommand parse(String sql) throws Exception {
    return (CursorCommand) StatementClassifier.classify(sql);
  }

  @Test
  void declareKeepsTheQueryAndItsPlaceholders() throws Exception {
    CursorCommand c =
        parse("DECLARE \"pg3_cursor\" CURSOR FOR SELECT id FROM t WHERE id < $1 ORDER BY id");
    assertThat(c.op()).isEqualTo(CursorCommand.Op.DECLARE);
    assertThat(c.name()).isEqualTo("pg3_cursor");
    assertThat(c.query()).isEqualTo("SELECT id FROM t WHERE id < $1 ORDER BY id");
    assertThat(c.commandTag()).isEqualTo("DECLARE CURSOR");
    assertThat(c.hold() || c.binary() || c.scroll()).isFalse();
    CursorCommand all =
        parse("declare C binary insensitive scroll cursor with hold for values (1)");
    assertThat(all.name()).isEqualTo("c");
    assertThat(all.hold() && all.binary() && all.scroll()).isTrue();
    assertThat(parse("declare c no scroll cursor without hold for select 1").scroll()).isFalse();
  }

  @Test
  void fetchAndMoveCountForward() throws Exception {
    assertThat(parse("FETCH FORWARD 2 FROM \"pg3_cursor\"").count()).isEqualTo(2);
    assertThat(parse("fetch c").count()).isEqualTo(1);
    assertThat(parse("fetch next in c").count()).isEqualTo(1);
    assertThat(parse("FETCH FORWARD ALL FROM c").count()).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("fetch all c").count()).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("fetch 5 from c").completionTag(5)).isEqualTo("FETCH 5");
    CursorCommand move = parse("MOVE FORWARD 1 __asyncpg_portal_1b__");
    assertThat(move.op()).isEqualTo(CursorCommand.Op.MOVE);
    assertThat(move.name()).isEqualTo("__asyncpg_portal_1b__");
    assertThat(parse("MOVE 1 FROM \"c\"").forward()).isTrue();
    assertThat(parse("fetch 1 from c").returnsRows()).isTrue();
    assertThat(parse("move 1 from c").returnsRows()).isFalse();
  }

  @Test
  void backwardDirectionsAreKeptForTheServiceToRefuse() throws Exception {
    for (String sql :
        new String[] {
          "fetch prior from c", "fetch first c", "fetch last c", "fetch absolute 3 c",
          "fetch relative -1 c", "fetch backward c", "fetch backward all c", "fetch -2 c",
          "move forward -1 c"
        }) {
      assertThat(parse(sql).forward()).as(sql).isFalse();
    }
  }

  @Test
  void closeNamesOneCursorOrAll() throws Exception {
    assertThat(parse("CLOSE \"pg3_cursor\"").name()).isEqualTo("pg3_cursor");
    assertThat(parse("close all").name()).isNull();
    assertThat(parse("close all").commandTag()).isEqualTo("CLOSE CURSOR ALL");
  }

  @Test
  void malformedCommandsAreSyntaxErrors() {
    assertThatThrownBy(() -> parse("declare c cursor for delete from t"))
        .hasMessageContaining("syntax error at or near \"delete\"");
    assertThatThrownBy(() -> parse("declare c for select 1")).hasMessageContaining("syntax error");
    assertThatThrownBy(() -> parse("fetch 1 from")).hasMessageContaining("end of input");
    assertThatThrownBy(() -> parse("close c d")).hasMessageContaining("\"d\"");
  }
}
