package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntervalColumnRewriteTest {

  private final Schema schema =
      new Schema() {
        @Override
        public List<String> columns(String table) {
          return List.of("id", "d", "note");
        }

        @Override
        public List<String> constraintColumns(String table, String constraint) {
          return List.of();
        }

        @Override
        public Set<String> intervalColumns(String table) {
          return Set.of("d");
        }
      };

  private String engine(String sql) throws Exception {
    return new Dialect(16).translate(sql, schema).sql();
  }

  @Test
  void stringsIntoIntervalColumnsBecomeEngineIntervals() throws Exception {
    assertThat(engine("INSERT INTO iv VALUES (1, '5 minutes', '5 minutes'), (2, '2 days', NULL)"))
        .isEqualTo(
            "INSERT INTO iv VALUES (1, INTERVAL '00:05:00' HOUR TO SECOND, '5 minutes'),"
                + " (2, INTERVAL '2 00:00:00' DAY TO SECOND, NULL)");
    assertThat(engine("UPDATE iv SET d = '1 week', note = '1 week' WHERE id = 3"))
        .isEqualTo(
            "UPDATE iv SET d = INTERVAL '7 00:00:00' DAY TO SECOND, note = '1 week' WHERE id = 3");
    assertThat(engine("INSERT INTO iv (note) VALUES ('10 minutes')"))
        .isEqualTo("INSERT INTO iv (note) VALUES ('10 minutes')");
    assertThatThrownBy(() -> engine("INSERT INTO iv (d, note) VALUES ('soon', '1 day')"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("22007"));
  }
}
