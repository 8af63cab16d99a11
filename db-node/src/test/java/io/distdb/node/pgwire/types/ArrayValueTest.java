package io.distdb.node.pgwire.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Arrays in PostgreSQL's text (array_out) and binary (array_send) forms. */
class ArrayValueTest {

  private static String text(PgType type, Object[] value) {
    ByteBuf out = Unpooled.buffer();
    TextValueWriter.write(type, value, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textQuotesOnlyWhatArrayInWouldMisread() {
    assertThat(text(PgType.INT2_ARRAY, new Object[] {(short) 5, (short) 4})).isEqualTo("{5,4}");
    assertThat(text(PgType.TEXT_ARRAY, new Object[] {"id", "a b", "", null, "NULL", "q\"\\"}))
        .isEqualTo("{id,\"a b\",\"\",NULL,\"NULL\",\"q\\\"\\\\\"}");
    assertThat(text(PgType.INT4_ARRAY, new Object[] {})).isEqualTo("{}");
    assertThat(text(PgType.INT4_ARRAY, new Object[] {new Object[] {1, 2}, new Object[] {3, 4}}))
        .isEqualTo("{{1,2},{3,4}}");
    assertThat(text(PgType.BOOL_ARRAY, new Object[] {true, false})).isEqualTo("{t,f}");
  }

  @Test
  void binaryIsOneDimensionWithElementOidAndLengths() {
    ByteBuf out = Unpooled.buffer();
    BinaryValueWriter.write(PgType.INT4_ARRAY, new Object[] {7, null}, out);
    assertThat(out.readInt()).as("ndim").isEqualTo(1);
    assertThat(out.readInt()).as("has nulls").isEqualTo(1);
    assertThat(out.readInt()).as("element oid").isEqualTo(23);
    assertThat(out.readInt()).as("length").isEqualTo(2);
    assertThat(out.readInt()).as("lower bound").isEqualTo(1);
    assertThat(out.readInt()).isEqualTo(4);
    assertThat(out.readInt()).isEqualTo(7);
    assertThat(out.readInt()).as("null element").isEqualTo(-1);
    assertThat(out.isReadable()).isFalse();
  }
}
