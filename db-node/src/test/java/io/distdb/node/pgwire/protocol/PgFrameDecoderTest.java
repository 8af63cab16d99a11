package io.distdb.node.pgwire.protocol;

import static io.distdb.node.pgwire.ClientFrames.bind;
import static io.distdb.node.pgwire.ClientFrames.concat;
import static io.distdb.node.pgwire.ClientFrames.execute;
import static io.distdb.node.pgwire.ClientFrames.parse;
import static io.distdb.node.pgwire.ClientFrames.query;
import static io.distdb.node.pgwire.ClientFrames.sslRequest;
import static io.distdb.node.pgwire.ClientFrames.startup;
import static io.distdb.node.pgwire.ClientFrames.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.pgwire.ClientFrames;
import io.distdb.node.pgwire.protocol.FrontendMessage.Bind;
import io.distdb.node.pgwire.protocol.FrontendMessage.Execute;
import io.distdb.node.pgwire.protocol.FrontendMessage.Parse;
import io.distdb.node.pgwire.protocol.FrontendMessage.Query;
import io.distdb.node.pgwire.protocol.FrontendMessage.SslRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.Startup;
import io.distdb.node.pgwire.protocol.FrontendMessage.Sync;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frame and message decoding, fed one byte at a time to catch any partial-read assumption. */
class PgFrameDecoderTest {

  private final EmbeddedChannel channel =
      new EmbeddedChannel(new PgFrameDecoder(1 << 20), new FrontendMessageDecoder());

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private List<FrontendMessage> feedByteByByte(ByteBuf in) {
    List<FrontendMessage> out = new ArrayList<>();
    while (in.isReadable()) {
      channel.writeInbound(in.readRetainedSlice(1));
      FrontendMessage m;
      while ((m = channel.readInbound()) != null) {
        out.add(m);
      }
    }
    in.release();
    return out;
  }

  private void startNormalPhase() {
    assertThat(feedByteByByte(startup(Map.of("user", "u")))).hasSize(1);
  }

  @Test
  void decodesStartupPacket() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("user", "alice");
    params.put("database", "shop");
    params.put("options", "-c search_path=x");
    List<FrontendMessage> msgs = feedByteByByte(startup(params));
    assertThat(msgs).containsExactly(new Startup(196608, params));
  }

  @Test
  void sslRequestThenStartup() {
    List<FrontendMessage> msgs = feedByteByByte(concat(sslRequest(), startup(Map.of("user", "u"))));
    assertThat(msgs).hasSize(2);
    assertThat(msgs.get(0)).isInstanceOf(SslRequest.class);
    assertThat(((Startup) msgs.get(1)).parameters()).containsEntry("user", "u");
  }

  @Test
  void decodesQuery() {
    startNormalPhase();
    assertThat(feedByteByByte(query("select 1"))).containsExactly(new Query("select 1"));
  }

  @Test
  void decodesExtendedQuerySequence() {
    startNormalPhase();
    List<FrontendMessage> msgs =
        feedByteByByte(
            concat(
                parse("s1", "select $1", 23),
                bind("p1", "s1", new String[] {"42", null}, (short) 1),
                execute("p1", 10),
                sync()));
    assertThat(msgs).hasSize(4);
    Parse p = (Parse) msgs.get(0);
    assertThat(p.statement()).isEqualTo("s1");
    assertThat(p.sql()).isEqualTo("select $1");
    assertThat(p.parameterTypes()).containsExactly(23);
    Bind b = (Bind) msgs.get(1);
    assertThat(b.portal()).isEqualTo("p1");
    assertThat(b.parameters()).hasSize(2);
    assertThat(new String(b.parameters().get(0), StandardCharsets.UTF_8)).isEqualTo("42");
    assertThat(b.parameters().get(1)).isNull();
    assertThat(b.resultFormats()).containsExactly((short) 1);
    assertThat(msgs.get(2)).isEqualTo(new Execute("p1", 10));
    assertThat(msgs.get(3)).isInstanceOf(Sync.class);
  }

  @Test
  void bindWhoseCountsExceedItsLengthIsRejected() {
    startNormalPhase();
    ByteBuf body = Unpooled.buffer();
    body.writeBytes(new byte[] {0, 0}); // portal "", statement ""
    body.writeShort(0); // no parameter formats
    body.writeShort(1000); // claims 1000 parameters ...
    body.writeInt(4).writeInt(7); // ... but carries one
    ByteBuf frame = ClientFrames.frame('B', body);
    assertThatThrownBy(() -> feedByteByByte(frame))
        .isInstanceOf(DecoderException.class)
        .hasCauseInstanceOf(ProtocolException.class)
        .hasMessageContaining("insufficient data");
  }

  @Test
  void unterminatedStringIsRejected() {
    startNormalPhase();
    ByteBuf frame =
        ClientFrames.frame(
            'Q', Unpooled.wrappedBuffer("select 1".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> feedByteByByte(frame))
        .hasCauseInstanceOf(ProtocolException.class)
        .hasMessageContaining("invalid string");
  }

  @Test
  void unknownTypeByteIsRejectedOnItsHeader() {
    startNormalPhase();
    ByteBuf frame = Unpooled.buffer().writeByte('z').writeInt(4);
    assertThatThrownBy(() -> feedByteByByte(frame))
        .hasCauseInstanceOf(ProtocolException.class)
        .hasMessageContaining("invalid frontend message type");
  }

  @Test
  void oneGibLengthPrefixIsRejectedBeforeAnyBodyArrives() {
    startNormalPhase();
    // Only the 5 header bytes are sent: the decoder must refuse without waiting for (or
    // reserving room for) the announced gigabyte.
    ByteBuf header = Unpooled.buffer().writeByte('Q').writeInt(1 << 30);
    channel.writeInbound(header.readRetainedSlice(4));
    assertThatThrownBy(() -> channel.writeInbound(header))
        .hasCauseInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds the maximum");
    // Later bytes are discarded, not decoded.
    channel.writeInbound(query("select 1"));
    Object leftover = channel.readInbound();
    assertThat(leftover).isNull();
  }

  @Test
  void startupPacketLongerThanTenThousandBytesIsRejected() {
    ByteBuf frame = Unpooled.buffer().writeInt(1 << 30).writeInt(196608);
    assertThatThrownBy(() -> channel.writeInbound(frame))
        .hasCauseInstanceOf(ProtocolException.class);
  }
}
