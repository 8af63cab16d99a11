package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.pgwire.protocol.BackendMessageEncoder;
import io.distdb.node.service.Notice;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoticeSenderTest {

  @Test
  void noticeIsANoticeResponseWithPostgresFields() {
    EmbeddedChannel ch = new EmbeddedChannel(new BackendMessageEncoder());
    ch.writeOutbound(
        NoticeSender.toMessage(new Notice("00000", "table \"nosuch\" does not exist, skipping")));
    ByteBuf buf = ch.readOutbound();
    byte[] got = ByteBufUtil.getBytes(buf);
    buf.release();

    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, 'S', "NOTICE");
    field(body, 'V', "NOTICE");
    field(body, 'C', "00000");
    field(body, 'M', "table \"nosuch\" does not exist, skipping");
    body.write(0);
    ByteArrayOutputStream want = new ByteArrayOutputStream();
    want.write('N');
    int length = body.size() + 4;
    want.write(length >>> 24);
    want.write(length >>> 16);
    want.write(length >>> 8);
    want.write(length);
    want.writeBytes(body.toByteArray());
    assertThat(got).isEqualTo(want.toByteArray());
  }

  private static void field(ByteArrayOutputStream out, char code, String value) {
    out.write(code);
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }
}
