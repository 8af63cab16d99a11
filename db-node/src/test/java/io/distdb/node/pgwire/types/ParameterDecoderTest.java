package io.distdb.node.pgwire.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.service.PgType;
import io.distdb.node.service.SqlException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParameterDecoderTest {

  @Test
  void textFormatStaysAString() throws Exception {
    assertThat(
            ParameterDecoder.decode(
                PgType.INT4.oid(), ParameterDecoder.TEXT, "42".getBytes(StandardCharsets.UTF_8), 0))
        .isEqualTo("42");
    assertThat(ParameterDecoder.decode(PgType.INT4.oid(), ParameterDecoder.TEXT, null, 0)).isNull();
  }

  @Test
  void binaryOfTheWrongLengthIs22P03() {
    assertThatThrownBy(
            () ->
                ParameterDecoder.decode(
                    PgType.INT4.oid(), ParameterDecoder.BINARY, new byte[] {1, 2}, 0))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("22P03"));
  }

  @Test
  void binaryOfAnUnsupportedTypeIs0A000() {
    int int4Array = 1007;
    assertThatThrownBy(
            () -> ParameterDecoder.decode(int4Array, ParameterDecoder.BINARY, new byte[] {1}, 0))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }
}
