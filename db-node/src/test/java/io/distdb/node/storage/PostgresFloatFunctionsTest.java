package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Values and errors as PostgreSQL 15's float8 and float4 operators give them. */
class PostgresFloatFunctionsTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void finiteOperandsThatOverflowOrUnderflowAre22003() {
    assertThatThrownBy(() -> PostgresFloatFunctions.float8Multiply(1e308, 10.0))
        .hasMessage("22003: value out of range: overflow");
    assertThatThrownBy(() -> PostgresFloatFunctions.float8Minus(-1e308, 1e308))
        .hasMessage("22003: value out of range: overflow");
    assertThatThrownBy(() -> PostgresFloatFunctions.float8Multiply(1e-320, 1e-10))
        .hasMessage("22003: value out of range: underflow");
    assertThatThrownBy(() -> PostgresFloatFunctions.float4Multiply(3.4e38f, 10f))
        .hasMessage("22003: value out of range: overflow");
    assertThatThrownBy(() -> PostgresFloatFunctions.float8Divide(1e308, 1e-10))
        .hasMessage("22003: value out of range: overflow");
  }

  @Test
  void infinityAndNanPassThrough() {
    assertThat(PostgresFloatFunctions.float8Plus(INF, 1.0)).isEqualTo(INF);
    assertThat(PostgresFloatFunctions.float8Multiply(INF, 0.0)).isNaN();
    assertThat(PostgresFloatFunctions.float8Divide(1.0, INF)).isEqualTo(0.0);
    assertThat(PostgresFloatFunctions.float8Divide(Double.NaN, 0.0)).isNaN();
    assertThat(PostgresFloatFunctions.float8Multiply(0.0, 5.0)).isEqualTo(0.0);
    assertThat(PostgresFloatFunctions.float8Plus(0.1, 0.2)).isEqualTo(0.1 + 0.2);
    assertThat(PostgresFloatFunctions.float4Plus(1.5f, 1.5f)).isEqualTo(3f);
    assertThat(PostgresFloatFunctions.float8Plus(null, 1.0)).isNull();
  }

  @Test
  void divisionByZeroIs22012() {
    assertThatThrownBy(() -> PostgresFloatFunctions.float8Divide(1.0, 0.0))
        .hasMessage("22012: division by zero");
    assertThatThrownBy(() -> PostgresFloatFunctions.float8Divide(0.0, -0.0))
        .hasMessage("22012: division by zero");
    assertThatThrownBy(() -> PostgresFloatFunctions.float4Divide(1.5f, 0f))
        .hasMessage("22012: division by zero");
  }
}
