package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.copy.CopyCommandParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyFromStdinTest {

  private static final List<Column> COLUMNS =
      List.of(new Column("id", PgType.INT4), new Column("doc", PgType.JSON));

  /** Records batches; fails any statement whose values contain {@code failOn}. */
  private static final class FakeTarget implements CopyFromStdin.Target {
    final List<SqlStatement> written = new ArrayList<>();
    Object failOn;
    boolean committed;
    boolean aborted;

    @Override
    public void write(SqlStatement statement) throws SqlException {
      if (failOn != null && statement.parameters().contains(failOn)) {
        throw new SqlException("23505", "duplicate key value violates unique constraint");
      }
      written.add(statement);
    }

    @Override
    public void commit() {
      committed = true;
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }

  private final FakeTarget target = new FakeTarget();

  private CopyFromStdin copy() throws Exception {
    return new CopyFromStdin(CopyCommandParser.parse("COPY t FROM STDIN"), "t", COLUMNS, target);
  }

  private static byte[] lines(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(i).append("\t{\"n\": ").append(i).append("}\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rowsGoInBatchesOfTypedValuesAndCommitOnce() throws Exception {
    CopyFromStdin copy = copy();
    copy.data(lines(0, 1_200));
    assertThat(target.written).hasSize(2); // 2 full batches while the data streams
    copy.data(lines(1_200, 1_201));
    assertThat(copy.done()).isEqualTo("COPY 1201");
    assertThat(target.written).hasSize(3);
    assertThat(target.committed).isTrue();
    SqlStatement first = target.written.get(0);
    assertThat(first.parameters()).hasSize(2 * CopyFromStdin.BATCH_ROWS);
    assertThat(first.parameters().get(0)).isEqualTo(0);
    assertThat(first.sql())
        .startsWith(
            "INSERT INTO t (\"id\", \"doc\") OVERRIDING SYSTEM VALUE VALUES (?1, ?2 FORMAT JSON),"
                + " (?3, ?4 FORMAT");
    assertThat(target.written.get(2).parameters()).hasSize(2 * 201);
    assertThat(target.written.get(2).sql().endsWith(", (?401, ?402 FORMAT JSON)")).isTrue();
  }

  @Test
  void aFailedBatchIsRetriedRowByRowToNameTheLine() throws Exception {
    target.failOn = 7;
    CopyFromStdin copy = copy();
    copy.data(lines(0, 10));
    assertThatThrownBy(copy::done)
        .isInstanceOfSatisfying(
            SqlException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("23505");
              assertThat(e.context()).isEqualTo("COPY t, line 8");
            });
    assertThat(target.aborted).isTrue();
    assertThat(target.committed).isFalse();
  }

  @Test
  void badValueNamesLineAndColumn() throws Exception {
    CopyFromStdin copy = copy();
    assertThatThrownBy(() -> copy.data("1\t{}\nx\t{}\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SqlException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("22P02");
              assertThat(e.context()).isEqualTo("COPY t, line 2, column id: \"x\"");
            });
    assertThat(target.aborted).isTrue();
  }

  @Test
  void clientFailureIsLocatedAtTheNextLine() throws Exception {
    CopyFromStdin copy = copy();
    copy.data(lines(0, 3));
    SqlException e = copy.failedBy("57014", "COPY from stdin failed: bye");
    assertThat(e.context()).isEqualTo("COPY t, line 4");
    assertThat(target.aborted).isTrue();
  }

  @Test
  void inputBeyondOneLogEntryIsRefused() throws Exception {
    CopyFromStdin copy = copy();
    byte[] chunk = new byte[1 << 20];
    assertThatThrownBy(
            () -> {
              for (long sent = 0; sent <= CopyFromStdin.MAX_BYTES; sent += chunk.length) {
                copy.data(chunk);
              }
            })
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("54000"));
    assertThat(target.aborted).isTrue();
  }
}
