package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCursorsTest {

  private static ExecutionResult rows() {
    return ExecutionResult.rows(List.of(), new ListCursor(List.of()), "SELECT ");
  }

  @Test
  void aSessionHoldsABoundedNumberOfOpenCursors() throws Exception {
    SqlCursors cursors = new SqlCursors();
    for (int i = 0; i < SqlCursors.MAX_OPEN; i++) {
      cursors.declare("c" + i, rows(), null);
    }
    assertThatThrownBy(() -> cursors.declare("one_more", rows(), null))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("54000"))
        .hasMessageContaining("too many open cursors");
    assertThat(cursors.columns("one_more")).isNull();
    assertThat(cursors.columns("c0")).isNotNull();
  }

  @Test
  void aNameInUseIsRefused() throws Exception {
    SqlCursors cursors = new SqlCursors();
    cursors.declare("c", rows(), null);
    assertThatThrownBy(() -> cursors.declare("c", rows(), null))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42P03"));
  }
}
