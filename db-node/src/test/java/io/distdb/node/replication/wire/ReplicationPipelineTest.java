package io.distdb.node.replication.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplicationPipelineTest {

  /** Records what reaches the business position of the pipeline. */
  static final class Recorder extends ChannelInboundHandlerAdapter {
    final List<Object> messages = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      messages.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }
  }

  private Recorder recorder = new Recorder();

  private EmbeddedChannel channel(int maxFrameLength) {
    recorder = new Recorder();
    EmbeddedChannel ch = new EmbeddedChannel();
    ReplicationChannelInitializer.install(
        ch.pipeline(),
        new ReplicationWireConfig(maxFrameLength, Duration.ofSeconds(5), Duration.ofSeconds(1)),
        recorder);
    return ch;
  }

  @Test
  void deliversTypedMessagesAndEncodesWrites() {
    EmbeddedChannel ch = channel(1024);
    ch.writeInbound(Unpooled.wrappedBuffer(ReplicationCodecTest.encode(new Ack(1, 5, 4))));
    assertThat(recorder.messages).containsExactly(new Ack(1, 5, 4));

    ch.writeOutbound(new Heartbeat(1, 5, 123));
    ByteBuf out = ch.readOutbound();
    assertThat(ByteBufUtil.getBytes(out))
        .isEqualTo(ReplicationCodecTest.encode(new Heartbeat(1, 5, 123)));
    out.release();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  void corruptFrameClosesTheChannel() {
    EmbeddedChannel ch = channel(1024);
    ch.writeInbound(Unpooled.buffer().writeInt(1 << 30));
    assertThat(ch.isOpen()).isFalse();
    assertThat(recorder.messages).isEmpty();
    ch.checkException(); // the error handler consumed it: nothing escapes the pipeline
  }

  @Test
  void anHttpRequestIsNotMistakenForAFrame() {
    EmbeddedChannel ch = channel(ReplicationFrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
    // "GET " reads as length 0x47455420, about 1.2 GB: over the limit, rejected at once.
    ch.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));
    assertThat(ch.isOpen()).isFalse();
    assertThat(recorder.messages).isEmpty();
  }

  @Test
  void randomGarbageNeverYieldsAnythingButTypedMessages() {
    Random random = new Random(42);
    for (int run = 0; run < 500; run++) {
      EmbeddedChannel ch = channel(256);
      byte[] garbage = new byte[random.nextInt(64)];
      random.nextBytes(garbage);
      if (garbage.length >= 4 && random.nextBoolean()) {
        garbage[0] = 0; // plausible small length, so body decoding gets exercised too
        garbage[1] = 0;
        garbage[2] = 0;
      }
      ch.writeInbound(Unpooled.wrappedBuffer(garbage));
      ch.checkException();
      assertThat(recorder.messages).allMatch(m -> m instanceof ReplicationMessage);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void idleEventsReachTheBusinessHandler() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel();
    ReplicationChannelInitializer.install(
        ch.pipeline(),
        new ReplicationWireConfig(1024, Duration.ofMillis(50), Duration.ofMillis(20)),
        recorder);
    Thread.sleep(80);
    ch.runPendingTasks();
    assertThat(recorder.events)
        .contains(
            IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT,
            IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
  }
}
