package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PostgresCompatFunctionsTest {

  @Test
  void leftAndRightWithNegativeCounts() {
    assertThat(PostgresCompatFunctions.left("distdb", -2)).isEqualTo("dist");
    assertThat(PostgresCompatFunctions.right("distdb", -2)).isEqualTo("stdb");
    assertThat(PostgresCompatFunctions.left("ab", 5)).isEqualTo("ab");
    assertThat(PostgresCompatFunctions.right("ab", -5)).isEmpty();
  }

  @Test
  void stringToArray() {
    assertThat(PostgresCompatFunctions.stringToArray("a,b,,c", ","))
        .containsExactly("a", "b", "", "c");
    assertThat(PostgresCompatFunctions.stringToArray("abc", null)).containsExactly("a", "b", "c");
    assertThat(PostgresCompatFunctions.stringToArray("a,x", ",", "x")).containsExactly("a", null);
    assertThat(PostgresCompatFunctions.stringToArray("", ",")).isEmpty();
  }

  @Test
  void ageBorrowsFieldByField() {
    assertThat(
            PostgresCompatFunctions.age(
                LocalDateTime.parse("2024-03-15T00:00"), LocalDateTime.parse("2023-01-10T00:00")))
        .isEqualTo("1 year 2 mons 5 days");
    assertThat(
            PostgresCompatFunctions.age(
                LocalDateTime.parse("2024-03-01T01:00"),
                LocalDateTime.parse("2024-02-28T02:30:00.5")))
        .isEqualTo("1 day 22:29:59.5");
    assertThat(
            PostgresCompatFunctions.age(
                LocalDateTime.parse("2023-01-10T00:00"), LocalDateTime.parse("2024-03-15T00:00")))
        .isEqualTo("-1 years -2 mons -5 days");
    assertThat(
            PostgresCompatFunctions.age(
                LocalDateTime.parse("2024-01-01T00:00"), LocalDateTime.parse("2024-01-01T00:00")))
        .isEqualTo("00:00:00");
  }
}
