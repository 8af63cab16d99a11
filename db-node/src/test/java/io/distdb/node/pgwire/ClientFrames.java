package io.distdb.node.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Map;

/** Builds frontend frames byte by byte, the way a client puts them on the wire. */
public final class ClientFrames {

  private ClientFrames() {}

  public static ByteBuf startup(Map<String, String> params) {
    ByteBuf body = Unpooled.buffer();
    body.writeInt(196608);
    params.forEach(
        (k, v) -> {
          cstring(body, k);
          cstring(body, v);
        });
    body.writeByte(0);
    ByteBuf out = Unpooled.buffer();
    out.writeInt(body.readableBytes() + 4).writeBytes(body);
    return out;
  }

  public static ByteBuf sslRequest() {
    return Unpooled.buffer().writeInt(8).writeInt(80877103);
  }

  public static ByteBuf query(String sql) {
    ByteBuf body = Unpooled.buffer();
    cstring(body, sql);
    return frame('Q', body);
  }

  public static ByteBuf parse(String name, String sql, int... types) {
    ByteBuf body = Unpooled.buffer();
    cstring(body, name);
    cstring(body, sql);
    body.writeShort(types.length);
    for (int t : types) {
      body.writeInt(t);
    }
    return frame('P', body);
  }

  /** A Bind with text parameters (null = SQL NULL) and the given result format codes. */
  public static ByteBuf bind(
      String portal, String statement, String[] params, short... resultFormats) {
    ByteBuf body = Unpooled.buffer();
    cstring(body, portal);
    cstring(body, statement);
    body.writeShort(0);
    body.writeShort(params.length);
    for (String p : params) {
      if (p == null) {
        body.writeInt(-1);
      } else {
        byte[] b = p.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeInt(b.length).writeBytes(b);
      }
    }
    body.writeShort(resultFormats.length);
    for (short f : resultFormats) {
      body.writeShort(f);
    }
    return frame('B', body);
  }

  public static ByteBuf describe(char kind, String name) {
    ByteBuf body = Unpooled.buffer().writeByte(kind);
    cstring(body, name);
    return frame('D', body);
  }

  public static ByteBuf execute(String portal, int maxRows) {
    ByteBuf body = Unpooled.buffer();
    cstring(body, portal);
    body.writeInt(maxRows);
    return frame('E', body);
  }

  public static ByteBuf sync() {
    return frame('S', Unpooled.EMPTY_BUFFER);
  }

  public static ByteBuf terminate() {
    return frame('X', Unpooled.EMPTY_BUFFER);
  }

  public static ByteBuf frame(char type, ByteBuf body) {
    ByteBuf out = Unpooled.buffer();
    out.writeByte(type).writeInt(body.readableBytes() + 4).writeBytes(body);
    return out;
  }

  public static ByteBuf concat(ByteBuf... parts) {
    ByteBuf out = Unpooled.buffer();
    for (ByteBuf p : parts) {
      out.writeBytes(p);
      p.release();
    }
    return out;
  }

  public static byte[] bytes(ByteBuf buf) {
    byte[] b = ByteBufUtil.getBytes(buf);
    buf.release();
    return b;
  }

  private static void cstring(ByteBuf out, String s) {
    out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).writeByte(0);
  }
}
