package io.distdb.node.pgwire.protocol;

import io.distdb.node.pgwire.protocol.FrontendMessage.Bind;
import io.distdb.node.pgwire.protocol.FrontendMessage.CancelRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.Close;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyData;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyDone;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyFail;
import io.distdb.node.pgwire.protocol.FrontendMessage.Describe;
import io.distdb.node.pgwire.protocol.FrontendMessage.Execute;
import io.distdb.node.pgwire.protocol.FrontendMessage.Flush;
import io.distdb.node.pgwire.protocol.FrontendMessage.FunctionCall;
import io.distdb.node.pgwire.protocol.FrontendMessage.GssEncRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.InvalidText;
import io.distdb.node.pgwire.protocol.FrontendMessage.Parse;
import io.distdb.node.pgwire.protocol.FrontendMessage.PasswordMessage;
import io.distdb.node.pgwire.protocol.FrontendMessage.Query;
import io.distdb.node.pgwire.protocol.FrontendMessage.SslRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.Startup;
import io.distdb.node.pgwire.protocol.FrontendMessage.Sync;
import io.distdb.node.pgwire.protocol.FrontendMessage.Terminate;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns {@link RawFrame}s into typed {@link FrontendMessage}s. */
public final class FrontendMessageDecoder extends MessageToMessageDecoder<RawFrame> {

  public FrontendMessageDecoder() {
    super(RawFrame.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, RawFrame frame, List<Object> out) {
    out.add(decode(frame));
  }

  /** Decodes one frame; visible for tests that bypass the pipeline. */
  public static FrontendMessage decode(RawFrame frame) {
    PayloadReader in = new PayloadReader(frame.content());
    FrontendMessage msg;
    try {
      msg = frame.isStartup() ? startup(in) : normal((char) frame.type(), in);
    } catch (InvalidTextException e) {
      // The frame's length was valid, so the stream is still in sync: the phase decides whether
      // the session survives.
      return new InvalidText((char) frame.type(), e.getMessage());
    }
    in.expectEnd();
    return msg;
  }

  private static FrontendMessage startup(PayloadReader in) {
    int code = in.readInt();
    switch (code) {
      case ProtocolCodes.SSL_REQUEST:
        return new SslRequest();
      case ProtocolCodes.GSSENC_REQUEST:
        return new GssEncRequest();
      case ProtocolCodes.CANCEL_REQUEST:
        return new CancelRequest(in.readInt(), in.readInt());
      default:
        return new Startup(code, startupParameters(in));
    }
  }

  private static Map<String, String> startupParameters(PayloadReader in) {
    Map<String, String> params = new LinkedHashMap<>();
    while (true) {
      String key = in.readCString();
      if (key.isEmpty()) {
        return Collections.unmodifiableMap(params);
      }
      params.put(key, in.readCString());
    }
  }

  private static FrontendMessage normal(char type, PayloadReader in) {
    switch (type) {
      case 'Q':
        return new Query(in.readCString());
      case 'P':
        return parse(in);
      case 'B':
        return bind(in);
      case 'D':
        return new Describe(kind(in), in.readCString());
      case 'E':
        return new Execute(in.readCString(), in.readInt());
      case 'C':
        return new Close(kind(in), in.readCString());
      case 'S':
        return new Sync();
      case 'H':
        return new Flush();
      case 'X':
        return new Terminate();
      case 'p':
        return new PasswordMessage(in.readBytes(in.remaining()));
      case 'F':
        in.readBytes(in.remaining());
        return new FunctionCall();
      case 'd':
        return new CopyData(in.readBytes(in.remaining()));
      case 'c':
        in.readBytes(in.remaining());
        return new CopyDone();
      case 'f':
        return new CopyFail(in.readCString());
      default:
        throw new ProtocolException("invalid frontend message type " + (int) type);
    }
  }

  private static char kind(PayloadReader in) {
    char kind = (char) in.readByte();
    if (kind != 'S' && kind != 'P') {
      throw new ProtocolException("invalid DESCRIBE/CLOSE message subtype " + (int) kind);
    }
    return kind;
  }

  private static Parse parse(PayloadReader in) {
    String name = in.readCString();
    String sql = in.readCString();
    int n = in.readCount(4);
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      types[i] = in.readInt();
    }
    return new Parse(name, sql, types);
  }

  private static Bind bind(PayloadReader in) {
    String portal = in.readCString();
    String statement = in.readCString();
    short[] paramFormats = formats(in);
    int n = in.readCount(4);
    List<byte[]> params = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = in.readInt();
      params.add(len == -1 ? null : in.readBytes(len));
    }
    short[] resultFormats = formats(in);
    return new Bind(
        portal, statement, paramFormats, Collections.unmodifiableList(params), resultFormats);
  }

  private static short[] formats(PayloadReader in) {
    int n = in.readCount(2);
    short[] formats = new short[n];
    for (int i = 0; i < n; i++) {
      formats[i] = in.readShort();
    }
    return formats;
  }
}
