package io.distdb.node.pgwire.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.service.PgType;
import io.distdb.node.service.SqlException;
import java.nio.ByteBuffer;
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
    int pointType = 600;
    assertThatThrownBy(
            () -> ParameterDecoder.decode(pointType, ParameterDecoder.BINARY, new byte[] {1}, 0))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }

  /**
   * array_send of int4[] {7, NULL, -1}, as pgjdbc sends {@code setObject(i, new Integer[]{..})}.
   */
  @Test
  void binaryInt4ArrayBecomesIntegers() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 3 * 4 + 2 * 4);
    b.putInt(1).putInt(1).putInt(PgType.INT4.oid()).putInt(3).putInt(1);
    b.putInt(4).putInt(7).putInt(-1).putInt(4).putInt(-1);
    Object v =
        ParameterDecoder.decode(PgType.INT4_ARRAY.oid(), ParameterDecoder.BINARY, b.array(), 0);
    assertThat((Object[]) v).containsExactly(7, null, -1);
  }

  @Test
  void binaryEmptyAndTextArrays() throws Exception {
    ByteBuffer empty = ByteBuffer.allocate(12).putInt(0).putInt(0).putInt(PgType.TEXT.oid());
    assertThat(
            (Object[])
                ParameterDecoder.decode(
                    PgType.TEXT_ARRAY.oid(), ParameterDecoder.BINARY, empty.array(), 0))
        .isEmpty();
    ByteBuffer text = ByteBuffer.allocate(12 + 8 + 4 + 3);
    text.putInt(1).putInt(0).putInt(PgType.TEXT.oid()).putInt(1).putInt(1).putInt(3);
    text.put("a b".getBytes(StandardCharsets.UTF_8));
    assertThat(
            (Object[])
                ParameterDecoder.decode(
                    PgType.TEXT_ARRAY.oid(), ParameterDecoder.BINARY, text.array(), 0))
        .containsExactly("a b");
  }

  @Test
  void binaryArrayWithALyingLengthIs22P03() {
    ByteBuffer b = ByteBuffer.allocate(20).putInt(1).putInt(0).putInt(23).putInt(1000).putInt(1);
    assertThatThrownBy(
            () ->
                ParameterDecoder.decode(
                    PgType.INT4_ARRAY.oid(), ParameterDecoder.BINARY, b.array(), 0))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("22P03"));
  }
}
