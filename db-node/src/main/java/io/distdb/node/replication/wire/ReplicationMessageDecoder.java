package io.distdb.node.replication.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns each frame from {@link ReplicationFrameDecoder} into a typed {@link ReplicationMessage}.
 * Malformed bodies raise {@link CorruptFrameException}; the frame buffer is released either way.
 */
public final class ReplicationMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

  public ReplicationMessageDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    out.add(MessageCodec.decode(frame));
  }
}
