package io.distdb.node.pgwire.protocol;

import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationOk;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationSasl;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationSaslContinue;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationSaslFinal;
import io.distdb.node.pgwire.protocol.BackendMessage.BackendKeyData;
import io.distdb.node.pgwire.protocol.BackendMessage.BindComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.CloseComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.CommandComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyDataRows;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyDone;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyInResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyOutResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.DataRows;
import io.distdb.node.pgwire.protocol.BackendMessage.EmptyQueryResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.EncryptionRefused;
import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.NegotiateProtocolVersion;
import io.distdb.node.pgwire.protocol.BackendMessage.NoData;
import io.distdb.node.pgwire.protocol.BackendMessage.ParameterDescription;
import io.distdb.node.pgwire.protocol.BackendMessage.ParameterStatus;
import io.distdb.node.pgwire.protocol.BackendMessage.ParseComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.PortalSuspended;
import io.distdb.node.pgwire.protocol.BackendMessage.ReadyForQuery;
import io.distdb.node.pgwire.protocol.BackendMessage.RowDescription;
import io.distdb.node.pgwire.types.BinaryValueWriter;
import io.distdb.node.pgwire.types.TextValueWriter;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link BackendMessage}s as {@code type byte + int32 length + body}. The length is
 * back-patched once the body is written, so no message is measured or copied twice.
 */
public final class BackendMessageEncoder extends MessageToByteEncoder<BackendMessage> {

  public BackendMessageEncoder() {
    super(BackendMessage.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, BackendMessage msg, ByteBuf out) {
    if (msg instanceof EncryptionRefused) {
      out.writeByte('N');
    } else if (msg instanceof DataRows) {
      writeDataRows((DataRows) msg, out);
    } else if (msg instanceof CopyDataRows) {
      CopyDataWriter.write((CopyDataRows) msg, out);
    } else {
      int start = begin(out, typeOf(msg));
      writeBody(msg, out);
      end(out, start);
    }
  }

  private static char typeOf(BackendMessage msg) {
    if (msg instanceof AuthenticationOk
        || msg instanceof AuthenticationSasl
        || msg instanceof AuthenticationSaslContinue
        || msg instanceof AuthenticationSaslFinal) {
      return 'R';
    } else if (msg instanceof NegotiateProtocolVersion) {
      return 'v';
    } else if (msg instanceof ParameterStatus) {
      return 'S';
    } else if (msg instanceof BackendKeyData) {
      return 'K';
    } else if (msg instanceof ReadyForQuery) {
      return 'Z';
    } else if (msg instanceof RowDescription) {
      return 'T';
    } else if (msg instanceof CommandComplete) {
      return 'C';
    } else if (msg instanceof EmptyQueryResponse) {
      return 'I';
    } else if (msg instanceof ErrorResponse) {
      return ((ErrorResponse) msg).notice() ? 'N' : 'E';
    } else if (msg instanceof ParseComplete) {
      return '1';
    } else if (msg instanceof BindComplete) {
      return '2';
    } else if (msg instanceof CloseComplete) {
      return '3';
    } else if (msg instanceof NoData) {
      return 'n';
    } else if (msg instanceof PortalSuspended) {
      return 's';
    } else if (msg instanceof ParameterDescription) {
      return 't';
    } else if (msg instanceof CopyInResponse) {
      return 'G';
    } else if (msg instanceof CopyOutResponse) {
      return 'H';
    } else if (msg instanceof CopyDone) {
      return 'c';
    }
    throw new IllegalArgumentException("no wire type for " + msg.getClass().getSimpleName());
  }

  private static void writeBody(BackendMessage msg, ByteBuf out) {
    if (msg instanceof AuthenticationOk) {
      out.writeInt(0);
    } else if (msg instanceof AuthenticationSasl) {
      out.writeInt(10);
      for (String mechanism : ((AuthenticationSasl) msg).mechanisms()) {
        writeCString(mechanism, out);
      }
      out.writeByte(0);
    } else if (msg instanceof AuthenticationSaslContinue) {
      out.writeInt(11).writeBytes(((AuthenticationSaslContinue) msg).data());
    } else if (msg instanceof AuthenticationSaslFinal) {
      out.writeInt(12).writeBytes(((AuthenticationSaslFinal) msg).data());
    } else if (msg instanceof NegotiateProtocolVersion) {
      NegotiateProtocolVersion n = (NegotiateProtocolVersion) msg;
      out.writeInt(ProtocolCodes.PROTOCOL_3_0 | n.newestMinor());
      out.writeInt(n.unsupportedOptions().size());
      n.unsupportedOptions().forEach(o -> writeCString(o, out));
    } else if (msg instanceof ParameterStatus) {
      writeCString(((ParameterStatus) msg).name(), out);
      writeCString(((ParameterStatus) msg).value(), out);
    } else if (msg instanceof BackendKeyData) {
      out.writeInt(((BackendKeyData) msg).processId()).writeInt(((BackendKeyData) msg).secretKey());
    } else if (msg instanceof ReadyForQuery) {
      out.writeByte(((ReadyForQuery) msg).status());
    } else if (msg instanceof RowDescription) {
      writeRowDescription((RowDescription) msg, out);
    } else if (msg instanceof CommandComplete) {
      writeCString(((CommandComplete) msg).tag(), out);
    } else if (msg instanceof ErrorResponse) {
      writeError((ErrorResponse) msg, out);
    } else if (msg instanceof CopyInResponse) {
      CopyInResponse copyIn = (CopyInResponse) msg;
      writeCopyResponse(copyIn.columns(), copyIn.binary() ? 1 : 0, out);
    } else if (msg instanceof CopyOutResponse) {
      writeCopyResponse(((CopyOutResponse) msg).columns(), 0, out);
    } else if (msg instanceof ParameterDescription) {
      int[] oids = ((ParameterDescription) msg).typeOids();
      out.writeShort(oids.length);
      for (int oid : oids) {
        out.writeInt(oid);
      }
    }
    // The remaining messages have an empty body.
  }

  /** The overall format (0 text, 1 binary), then each column's, the same. */
  private static void writeCopyResponse(int columns, int format, ByteBuf out) {
    out.writeByte(format);
    out.writeShort(columns);
    for (int i = 0; i < columns; i++) {
      out.writeShort(format);
    }
  }

  private static void writeRowDescription(RowDescription msg, ByteBuf out) {
    out.writeShort(msg.columns().size());
    for (int i = 0; i < msg.columns().size(); i++) {
      Column c = msg.columns().get(i);
      writeCString(c.name(), out);
      out.writeInt(0); // table OID: not a plain table column
      out.writeShort(0); // attribute number
      out.writeInt(c.typeOid());
      out.writeShort(c.type().oid() == c.typeOid() ? c.type().size() : -1);
      out.writeInt(c.typeModifier());
      out.writeShort(msg.binary() != null && msg.binary()[i] ? 1 : 0);
    }
  }

  private static void writeError(ErrorResponse e, ByteBuf out) {
    field('S', e.severity(), out);
    field('V', e.severity(), out);
    field('C', e.sqlState(), out);
    field('M', e.message() == null ? "" : e.message(), out);
    field('D', e.detail(), out);
    field('H', e.hint(), out);
    field('W', e.context(), out);
    field('s', e.schema(), out);
    field('t', e.table(), out);
    field('c', e.column(), out);
    field('n', e.constraint(), out);
    out.writeByte(0);
  }

  private static void field(char code, String value, ByteBuf out) {
    if (value != null) {
      out.writeByte(code);
      writeCString(value, out);
    }
  }

  private static void writeDataRows(DataRows msg, ByteBuf out) {
    PgType[] types = msg.types();
    boolean[] binary = msg.binary();
    for (Object[] row : msg.rows()) {
      int start = begin(out, 'D');
      out.writeShort(row.length);
      for (int i = 0; i < row.length; i++) {
        Object value = row[i];
        if (value == null) {
          out.writeInt(-1);
          continue;
        }
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        if (binary != null && binary[i]) {
          BinaryValueWriter.write(types[i], value, out);
        } else {
          TextValueWriter.write(types[i], value, out);
        }
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
      }
      end(out, start);
    }
  }

  static int begin(ByteBuf out, char type) {
    out.writeByte(type);
    int lengthAt = out.writerIndex();
    out.writeInt(0);
    return lengthAt;
  }

  static void end(ByteBuf out, int lengthAt) {
    out.setInt(lengthAt, out.writerIndex() - lengthAt);
  }

  private static void writeCString(String s, ByteBuf out) {
    ByteBufUtil.writeUtf8(out, s);
    out.writeByte(0);
  }
}
