package io.distdb.node.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.MessageSizeEstimator;

/**
 * Lets channel writability see DataRows batches at their rough encoded size. Without it Netty
 * counts a not-yet-encoded message as 8 bytes, and a query thread writing from outside the event
 * loop could queue far more than the high-water mark before {@code isWritable()} turns false.
 */
public final class BackendMessageSizeEstimator implements MessageSizeEstimator {

  /** Rough bytes per value; exactness does not matter, the order of magnitude does. */
  private static final int BYTES_PER_VALUE = 16;

  private static final Handle HANDLE = msg -> {
    if (msg instanceof ByteBuf) {
      return ((ByteBuf) msg).readableBytes();
    }
    if (msg instanceof BackendMessage.DataRows) {
      BackendMessage.DataRows rows = (BackendMessage.DataRows) msg;
      return rows.rows().size() * (7 + BYTES_PER_VALUE * rows.types().length);
    }
    return 64;
  };

  @Override
  public Handle newHandle() {
    return HANDLE;
  }
}
