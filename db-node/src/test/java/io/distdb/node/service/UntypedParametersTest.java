package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** Parameters H2 cannot type, cast to their declared types (text if none) for a second prepare. */
class UntypedParametersTest {

  private static final SQLException UNTYPED =
      new SQLException("Unknown data type: \"?\"", "50004", ErrorCode.UNKNOWN_DATA_TYPE_1);

  @Test
  void eachParameterIsCastToItsDeclaredTypeOutsideQuotes() {
    assertThat(
            UntypedParameters.typed(
                UNTYPED, "SELECT ?1, ?2 AS \"?3\", '?3', ?10", 10, new int[] {0, 21, 0}))
        .isEqualTo(
            "SELECT CAST(?1 AS VARCHAR), CAST(?2 AS SMALLINT) AS \"?3\", '?3', CAST(?10 AS"
                + " VARCHAR)");
  }

  @Test
  void typesWithoutASimpleEngineTypeStayAsTheyAre() {
    assertThat(UntypedParameters.typed(UNTYPED, "SELECT ?1", 1, new int[] {3802}))
        .isEqualTo("SELECT ?1");
  }

  @Test
  void otherFailuresAreNotRetried() {
    SQLException other =
        new SQLException("Unknown data type: \"FOO\"", "50004", ErrorCode.UNKNOWN_DATA_TYPE_1);
    assertThat(UntypedParameters.typed(other, "SELECT CAST(?1 AS foo)", 1, null)).isNull();
    assertThat(UntypedParameters.typed(UNTYPED, "SELECT 1", 0, null)).isNull();
  }
}
