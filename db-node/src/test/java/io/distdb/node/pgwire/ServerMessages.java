package io.distdb.node.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits server output into messages for assertions; the client's view of the wire. */
public final class ServerMessages {

  /** One backend message: its type byte and body. */
  public record Msg(char type, byte[] body) {

    /** ErrorResponse / NoticeResponse fields by code ('S', 'C', 'M', ...). */
    public Map<Character, String> fields() {
      Map<Character, String> out = new LinkedHashMap<>();
      int i = 0;
      while (i < body.length && body[i] != 0) {
        char code = (char) body[i++];
        int end = i;
        while (body[end] != 0) {
          end++;
        }
        out.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
        i = end + 1;
      }
      return out;
    }

    public String sqlState() {
      return fields().get('C');
    }

    /** DataRow values as text (null for SQL NULL). */
    public List<String> textValues() {
      ByteBuf b = Unpooled.wrappedBuffer(body);
      int n = b.readShort();
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int len = b.readInt();
        out.add(len < 0 ? null : b.readCharSequence(len, StandardCharsets.UTF_8).toString());
      }
      return out;
    }

    public String cstring() {
      return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    }
  }

  private ServerMessages() {}

  /**
   * Parses messages from {@code bytes}; a lone 'N' (SSL refusal) is returned as type 'N' with an
   * empty body when {@code expectSslAnswer} is set.
   */
  public static List<Msg> parse(ByteBuf bytes) {
    List<Msg> out = new ArrayList<>();
    while (bytes.isReadable()) {
      char type = (char) bytes.readByte();
      if (bytes.readableBytes() < 4) {
        out.add(new Msg(type, new byte[0]));
        break;
      }
      int len = bytes.readInt();
      byte[] body = new byte[len - 4];
      bytes.readBytes(body);
      out.add(new Msg(type, body));
    }
    return out;
  }

  public static String types(List<Msg> msgs) {
    StringBuilder sb = new StringBuilder();
    msgs.forEach(m -> sb.append(m.type()));
    return sb.toString();
  }
}
