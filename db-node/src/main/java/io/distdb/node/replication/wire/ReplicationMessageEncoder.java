package io.distdb.node.replication.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Encodes a {@link ReplicationMessage} into one frame (layout: {@link ReplicationFrameDecoder}).
 * Refuses frames larger than the configured maximum: the peer would reject them anyway, and failing
 * the write promise here tells the sender to cut smaller batches.
 */
public final class ReplicationMessageEncoder extends MessageToByteEncoder<ReplicationMessage> {

  private final int maxFrameLength;

  public ReplicationMessageEncoder() {
    this(ReplicationFrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
  }

  public ReplicationMessageEncoder(int maxFrameLength) {
    super(ReplicationMessage.class);
    this.maxFrameLength = maxFrameLength;
  }

  @Override
  protected ByteBuf allocateBuffer(
      ChannelHandlerContext ctx, ReplicationMessage msg, boolean preferDirect) {
    // Exact size up front: no buffer doubling while copying a large batch.
    int length = checkedFrameLength(msg);
    int capacity = MessageCodec.LENGTH_FIELD_BYTES + length;
    return preferDirect
        ? ctx.alloc().ioBuffer(capacity, capacity)
        : ctx.alloc().heapBuffer(capacity, capacity);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ReplicationMessage msg, ByteBuf out) {
    // allocateBuffer has already enforced the size limit.
    MessageCodec.encode(msg, out);
  }

  private int checkedFrameLength(ReplicationMessage msg) {
    int length;
    try {
      length = MessageCodec.frameLength(msg);
    } catch (IllegalArgumentException e) {
      throw new EncoderException(e.getMessage(), e);
    }
    if (length > maxFrameLength) {
      throw new EncoderException(
          msg.type() + " frame of " + length + " bytes exceeds the maximum of " + maxFrameLength);
    }
    return length;
  }
}
