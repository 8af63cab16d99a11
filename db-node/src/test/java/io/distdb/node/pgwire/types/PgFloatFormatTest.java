package io.distdb.node.pgwire.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are PostgreSQL 15's output (extra_float_digits = 1, the default). */
class PgFloatFormatTest {

  @ParameterizedTest(name = "{0}::float8")
  @CsvSource({
    "0.30000000000000004, 0.30000000000000004",
    "1e16, 1e+16",
    "2.82879384806159e17, 2.82879384806159e+17",
    "1.18575755E-316, 1.18575755e-316",
    "2e23, 1.9999999999999998e+23",
    "1e-5, 1e-05",
    "123456789012345, 123456789012345",
    "-0.5, -0.5",
    "NaN, NaN",
    "-Infinity, -Infinity",
    "1.7976931348623157e308, 1.7976931348623157e+308"
  })
  void float8(double value, String postgres) {
    assertThat(PgFloatFormat.format(value)).isEqualTo(postgres);
  }

  @ParameterizedTest(name = "{0}::float4")
  @CsvSource({
    "1e16, 1e+16",
    "8.41e21, 8.41e+21",
    "1e7, 1e+07",
    "123456.7, 123456.7",
    "3.14159, 3.14159",
    "0.1, 0.1",
    "1e-5, 1e-05",
    "Infinity, Infinity",
    "3.4028235e38, 3.4028235e+38"
  })
  void float4(float value, String postgres) {
    assertThat(PgFloatFormat.format(value)).isEqualTo(postgres);
  }
}
