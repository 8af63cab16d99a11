package io.distdb.node.pgwire.protocol;

import io.distdb.node.copy.CopyLineEncoder;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyDataRows;
import io.distdb.node.pgwire.types.TextValueWriter;
import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;

/**
 * Encodes COPY TO rows as one CopyData message per line: each value's PostgreSQL text form (the
 * same as in a DataRow), escaped or quoted by the COPY format.
 */
final class CopyDataWriter {

  private CopyDataWriter() {}

  static void write(CopyDataRows msg, ByteBuf out) {
    CopyLineEncoder encoder = msg.encoder();
    CopyLineEncoder.Sink sink = out::writeByte;
    if (msg.header() != null) {
      int start = BackendMessageEncoder.begin(out, 'd');
      encoder.header(msg.header(), sink);
      BackendMessageEncoder.end(out, start);
    }
    PgType[] types = msg.types();
    byte[] scratch = new byte[64];
    for (Object[] row : msg.rows()) {
      int start = BackendMessageEncoder.begin(out, 'd');
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          encoder.delimiter(sink);
        }
        Object value = row[i];
        if (value == null) {
          encoder.nullField(sink);
          continue;
        }
        // The value's text goes where the field belongs, then moves out to be escaped in place.
        int at = out.writerIndex();
        TextValueWriter.write(types[i], value, out);
        int length = out.writerIndex() - at;
        if (scratch.length < length) {
          scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        out.getBytes(at, scratch, 0, length);
        out.writerIndex(at);
        encoder.field(scratch, 0, length, sink);
      }
      encoder.endLine(sink);
      BackendMessageEncoder.end(out, start);
    }
  }
}
