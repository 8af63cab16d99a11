package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.service.Column;
import io.distdb.node.service.CopyIn;
import io.distdb.node.service.PgType;
import io.distdb.node.service.SqlException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binary COPY data becomes text-format lines, whatever the CopyData messages cut it into. */
class BinaryCopyInTest {

  private static final List<Column> COLUMNS =
      List.of(new Column("id", PgType.INT4), new Column("note", PgType.TEXT));

  /** The text sink the transcoder feeds. */
  private static final class TextSink implements CopyIn {
    final ByteArrayOutputStream text = new ByteArrayOutputStream();
    boolean failed;

    @Override
    public void data(byte[] bytes) {
      text.writeBytes(bytes);
    }

    @Override
    public String done() {
      return "COPY";
    }

    @Override
    public void fail() {
      failed = true;
    }

    @Override
    public SqlException failedBy(String sqlState, String message) {
      return new SqlException(sqlState, message);
    }
  }

  private static byte[] stream(boolean trailer) {
    ByteBuf b = Unpooled.buffer();
    b.writeBytes("PGCOPY\n".getBytes(StandardCharsets.US_ASCII)).writeByte(0xff);
    b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII)).writeByte(0);
    b.writeInt(0).writeInt(0);
    b.writeShort(2).writeInt(4).writeInt(100);
    byte[] note = "a\tb\\c\u00e9".getBytes(StandardCharsets.UTF_8);
    b.writeInt(note.length).writeBytes(note);
    b.writeShort(2).writeInt(4).writeInt(-1).writeInt(-1);
    if (trailer) {
      b.writeShort(-1);
    }
    return ByteBufUtil.getBytes(b);
  }

  @Test
  void tuplesBecomeEscapedTextLinesAcrossAnyCut() throws Exception {
    byte[] data = stream(true);
    for (int cut = 1; cut < data.length; cut++) {
      TextSink sink = new TextSink();
      BinaryCopyIn copy = new BinaryCopyIn(sink, COLUMNS);
      copy.data(java.util.Arrays.copyOfRange(data, 0, cut));
      copy.data(java.util.Arrays.copyOfRange(data, cut, data.length));
      assertThat(copy.done()).isEqualTo("COPY");
      assertThat(sink.text.toString(StandardCharsets.UTF_8))
          .as("cut at %d", cut)
          .isEqualTo("100\ta\\tb\\\\c\u00e9\n-1\t\\N\n");
    }
  }

  @Test
  void aMissingTrailerIsFineAtATupleBoundary() throws Exception {
    TextSink sink = new TextSink();
    BinaryCopyIn copy = new BinaryCopyIn(sink, COLUMNS);
    copy.data(stream(false));
    assertThat(copy.done()).isEqualTo("COPY");
  }

  @Test
  void badInputIsBadCopyFormatAndUndoesTheCopy() throws Exception {
    TextSink sink = new TextSink();
    BinaryCopyIn copy = new BinaryCopyIn(sink, COLUMNS);
    assertThatThrownBy(() -> copy.data("not a binary copy file".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("COPY file signature not recognized")
        .extracting(e -> ((SqlException) e).sqlState())
        .isEqualTo("22P04");
    assertThat(sink.failed).isTrue();

    TextSink truncated = new TextSink();
    BinaryCopyIn partial = new BinaryCopyIn(truncated, COLUMNS);
    byte[] data = stream(false);
    partial.data(java.util.Arrays.copyOf(data, data.length - 3));
    assertThatThrownBy(partial::done).hasMessage("unexpected EOF in COPY data");

    TextSink wide = new TextSink();
    BinaryCopyIn oneColumn = new BinaryCopyIn(wide, List.of(new Column("id", PgType.INT4)));
    assertThatThrownBy(() -> oneColumn.data(stream(true)))
        .hasMessage("row field count is 2, expected 1");
  }
}
