package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Expected values from PostgreSQL 15. */
class PostgresFunctionsTest {

  @Test
  void stringFunctions() {
    assertThat(PostgresFunctions.initcap("hELLO wORLD-x 1a")).isEqualTo("Hello World-X 1a");
    assertThat(PostgresFunctions.splitPart("a,,c", ",", 2)).isEmpty();
    assertThat(PostgresFunctions.splitPart("a,b,c", ",", -1)).isEqualTo("c");
    assertThat(PostgresFunctions.splitPart("a<>b", "<>", 2)).isEqualTo("b");
    assertThat(PostgresFunctions.splitPart("a,b", ",", 5)).isEmpty();
    assertThat(PostgresFunctions.splitPart(null, ",", 1)).isNull();
    assertThat(PostgresFunctions.strpos("héllo", "l")).isEqualTo(3);
    assertThat(PostgresFunctions.strpos("abc", "z")).isZero();
    assertThat(PostgresFunctions.reverse("abc")).isEqualTo("cba");
    assertThat(PostgresFunctions.format("%s|%L|%I|%I|%%|%2$s", "x", null, "a_b", "A b"))
        .isEqualTo("x|NULL|a_b|\"A b\"|%|");
  }

  @Test
  void errorsCarryPostgresSqlStates() {
    assertThatThrownBy(() -> PostgresFunctions.splitPart("a", ",", 0))
        .hasMessage("22023: field position must not be zero");
    assertThatThrownBy(() -> PostgresFunctions.makeDate(2023, 2, 29))
        .hasMessage("22008: date field value out of range: 2023-02-29");
    assertThatThrownBy(() -> PostgresFunctions.format("%s %s", "one"))
        .hasMessage("22023: too few arguments for format()");
  }

  @Test
  void makeDate() {
    assertThat(PostgresFunctions.makeDate(2024, 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(PostgresFunctions.makeDate(-44, 3, 15)).isEqualTo(LocalDate.of(-43, 3, 15));
  }
}
