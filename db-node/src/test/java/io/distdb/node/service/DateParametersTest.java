package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateParametersTest {

  private static final int DATE = PgType.DATE.oid();

  @Test
  void pgjdbcsSetDateLosesItsZoneWhereTheStatementTypesADate() {
    assertThat(
            DateParameters.bind(
                new int[] {DATE, DATE, DATE, PgType.TEXT.oid()},
                Arrays.asList("2020-01-02 +00", "0044-03-15 BC -05:30", "2020-01-02", "1 +00")))
        .containsExactly("2020-01-02", "0044-03-15 BC", "2020-01-02", "1 +00");
    List<Object> untouched = List.of("not a date +00");
    assertThat(DateParameters.bind(new int[] {DATE}, untouched)).isSameAs(untouched);
  }

  @Test
  void castsTypeTheParameterTheyHold() {
    // jOOQ writes CAST(? AS date); the engine does not type the parameter there by itself.
    assertThat(
            ParameterCasts.declared(
                "insert into t values (cast($1 as date), $2::int, CAST ( $3 AS text))",
                new int[3],
                3))
        .containsExactly(DATE, PgType.INT4.oid(), PgType.TEXT.oid());
  }
}
