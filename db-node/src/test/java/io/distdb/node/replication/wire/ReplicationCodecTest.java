package io.distdb.node.replication.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicationCodecTest {

  static Stream<ReplicationMessage> allMessages() {
    byte[] nonce = new byte[32];
    for (int i = 0; i < nonce.length; i++) {
      nonce[i] = (byte) (i * 7);
    }
    return Stream.of(
        new Challenge(1, nonce),
        new Hello(1, "cluster-ä", "node-1", 7, 12345, "10.0.0.2:5433", nonce, new byte[] {1, 2}),
        new Hello(1, "", "", 0, -1, "", new byte[0], new byte[0]),
        new Welcome("master-€", 7, 99, StartMode.STREAM, nonce),
        new Welcome("m", 8, 0, StartMode.SNAPSHOT, new byte[0]),
        new Reject(RejectReason.STALE_EPOCH, "epoch 9 > 8"),
        new Reject(RejectReason.DUPLICATE_NODE, ""),
        new Entries(
            3,
            10,
            List.of(
                new Entries.Entry(5, new byte[] {1}),
                new Entries.Entry(6, new byte[0]),
                new Entries.Entry(7, "payload".getBytes(StandardCharsets.UTF_8)))),
        new Entries(3, 10, List.of()),
        new Ack(3, 7, 6),
        new Heartbeat(3, 10, 1_700_000_000_000L),
        new SnapshotBegin(3, 42, 1L << 40),
        new SnapshotChunk("data/db.mv.db", 1L << 33, new byte[] {9, 8, 7}),
        new SnapshotEnd(42, 0xFFFF_FFFFL));
  }

  @ParameterizedTest
  @MethodSource("allMessages")
  void roundTripsWhenFedOneByteAtATime(ReplicationMessage msg) {
    byte[] wire = encode(msg);
    assertThat(wire.length)
        .isEqualTo(MessageCodec.LENGTH_FIELD_BYTES + MessageCodec.frameLength(msg));

    EmbeddedChannel ch = decoderChannel(ReplicationFrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
    for (int i = 0; i < wire.length; i++) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {wire[i]}));
      if (i < wire.length - 1) {
        assertThat(ch.<Object>readInbound()).as("output after byte %d", i).isNull();
      }
    }
    Object decoded = ch.readInbound();
    assertThat(decoded).isInstanceOf(ReplicationMessage.class).isEqualTo(msg);
    assertThat(ch.<Object>readInbound()).isNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void decodesSeveralFramesFromOneBuffer() {
    List<ReplicationMessage> msgs = allMessages().toList();
    ByteBuf all = Unpooled.buffer();
    msgs.forEach(m -> all.writeBytes(encode(m)));

    EmbeddedChannel ch = decoderChannel(ReplicationFrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
    ch.writeInbound(all);
    List<Object> decoded = new ArrayList<>();
    for (Object o; (o = ch.readInbound()) != null; ) {
      decoded.add(o);
    }
    assertThat(decoded).containsExactlyElementsOf(msgs);
  }

  @Test
  void negativeLengthFailsAsSoonAsTheLengthArrives() {
    EmbeddedChannel ch = decoderChannel(1024);
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {-1, -1, -1, -1})))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void hugeLengthFailsWithoutWaitingForOrAllocatingTheBody() {
    EmbeddedChannel ch = decoderChannel(ReplicationFrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
    // Only the four length bytes are ever fed: the failure cannot come from a body allocation.
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(Integer.MAX_VALUE)))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining(String.valueOf(Integer.MAX_VALUE));
  }

  @Test
  void lengthJustOverTheConfiguredMaximumFails() {
    EmbeddedChannel ch = decoderChannel(100);
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(101)))
        .isInstanceOf(CorruptFrameException.class);
    EmbeddedChannel ok = decoderChannel(100);
    ok.writeInbound(Unpooled.buffer().writeInt(100)); // exactly the maximum: waits for the body
    assertThat(ok.<Object>readInbound()).isNull();
  }

  @Test
  void zeroLengthFrameHasNoTypeAndFails() {
    EmbeddedChannel ch = decoderChannel(1024);
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(0)))
        .isInstanceOf(CorruptFrameException.class);
  }

  @Test
  void everythingAfterACorruptFrameIsDiscarded() {
    EmbeddedChannel ch = decoderChannel(1024);
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(-5)))
        .isInstanceOf(CorruptFrameException.class);
    ch.writeInbound(Unpooled.wrappedBuffer(encode(new Ack(1, 2, 3))));
    assertThat(ch.<Object>readInbound()).isNull();
  }

  @Test
  void unknownTypeIsCorrupt() {
    for (int type : new int[] {0, 11, 99, 255}) {
      EmbeddedChannel ch = decoderChannel(1024);
      assertThatThrownBy(() -> ch.writeInbound(frame(type, b -> b.writeLong(1))))
          .isInstanceOf(CorruptFrameException.class)
          .hasMessageContaining("unknown message type " + type);
    }
  }

  @Test
  void truncatedBodyIsCorrupt() {
    EmbeddedChannel ch = decoderChannel(1024);
    ByteBuf ackMissingFields = frame(MessageType.ACK.code(), b -> b.writeLong(1));
    assertThatThrownBy(() -> ch.writeInbound(ackMissingFields))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void trailingBytesAreCorrupt() {
    EmbeddedChannel ch = decoderChannel(1024);
    ByteBuf ackPlusOne =
        frame(MessageType.ACK.code(), b -> b.writeLong(1).writeLong(2).writeLong(3).writeByte(0));
    assertThatThrownBy(() -> ch.writeInbound(ackPlusOne))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void forgedArrayLengthsInsideAFrameAreRejectedBeforeAllocation() {
    for (int len : new int[] {Integer.MAX_VALUE, -1, 5}) {
      EmbeddedChannel ch = decoderChannel(1024);
      ByteBuf challenge =
          frame(
              MessageType.CHALLENGE.code(),
              b -> b.writeInt(1).writeInt(len).writeInt(0)); // 4 bytes remain, not len
      assertThatThrownBy(() -> ch.writeInbound(challenge))
          .isInstanceOf(CorruptFrameException.class)
          .hasMessageContaining("serverNonce");
    }
  }

  @Test
  void forgedEntryCountIsRejectedBeforeAllocation() {
    EmbeddedChannel ch = decoderChannel(1024);
    ByteBuf entries =
        frame(
            MessageType.ENTRIES.code(),
            b -> b.writeLong(1).writeLong(1).writeInt(Integer.MAX_VALUE));
    assertThatThrownBy(() -> ch.writeInbound(entries))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("entries");
  }

  @Test
  void nonContiguousEntriesAreRejectedOnDecode() {
    for (long second : new long[] {8, 6, 5}) {
      EmbeddedChannel ch = decoderChannel(1024);
      ByteBuf entries =
          frame(
              MessageType.ENTRIES.code(),
              b -> {
                b.writeLong(1).writeLong(10).writeInt(2);
                b.writeLong(6).writeInt(1).writeByte(42);
                b.writeLong(second).writeInt(0);
              });
      assertThatThrownBy(() -> ch.writeInbound(entries))
          .isInstanceOf(CorruptFrameException.class)
          .hasMessageContaining("non-contiguous");
    }
  }

  @Test
  void nonContiguousEntriesCannotEvenBeBuilt() {
    assertThatThrownBy(
            () ->
                new Entries(
                    1,
                    1,
                    List.of(new Entries.Entry(1, new byte[0]), new Entries.Entry(3, new byte[0]))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownEnumCodesAreCorrupt() {
    EmbeddedChannel reject = decoderChannel(1024);
    assertThatThrownBy(
            () ->
                reject.writeInbound(
                    frame(MessageType.REJECT.code(), b -> b.writeByte(0).writeInt(0))))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("reject reason");

    EmbeddedChannel welcome = decoderChannel(1024);
    assertThatThrownBy(
            () ->
                welcome.writeInbound(
                    frame(
                        MessageType.WELCOME.code(),
                        b ->
                            b.writeInt(1)
                                .writeByte('m')
                                .writeLong(1)
                                .writeLong(1)
                                .writeByte(9)
                                .writeInt(0))))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("start mode");
  }

  @Test
  void malformedUtf8IsCorrupt() {
    EmbeddedChannel ch = decoderChannel(1024);
    ByteBuf reject =
        frame(
            MessageType.REJECT.code(),
            b ->
                b.writeByte(RejectReason.BAD_PROOF.code())
                    .writeInt(2)
                    .writeByte(0xC3)
                    .writeByte(0x28));
    assertThatThrownBy(() -> ch.writeInbound(reject))
        .isInstanceOf(CorruptFrameException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void encoderRefusesFramesOverTheMaximum() {
    EmbeddedChannel ch = new EmbeddedChannel(new ReplicationMessageEncoder(64));
    SnapshotChunk big = new SnapshotChunk("f", 0, new byte[100]);
    assertThatThrownBy(() -> ch.writeOutbound(big))
        .isInstanceOf(EncoderException.class)
        .hasMessageContaining("exceeds");
    assertThat(ch.<Object>readOutbound()).isNull();
  }

  static byte[] encode(ReplicationMessage msg) {
    EmbeddedChannel enc = new EmbeddedChannel(new ReplicationMessageEncoder());
    enc.writeOutbound(msg);
    ByteBuf buf = enc.readOutbound();
    try {
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  static EmbeddedChannel decoderChannel(int maxFrameLength) {
    return new EmbeddedChannel(
        new ReplicationFrameDecoder(maxFrameLength), new ReplicationMessageDecoder());
  }

  /** A raw frame: correct length prefix, then the type byte and whatever {@code body} writes. */
  static ByteBuf frame(int type, Consumer<ByteBuf> body) {
    ByteBuf b = Unpooled.buffer();
    b.writeInt(0).writeByte(type);
    body.accept(b);
    b.setInt(0, b.readableBytes() - 4);
    return b;
  }
}
