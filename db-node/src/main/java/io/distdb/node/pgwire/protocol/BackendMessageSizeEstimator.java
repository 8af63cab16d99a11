package io.distdb.node.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.MessageSizeEstimator;

/**
 * Lets channel writability see DataRows batches at their rough encoded size. A write from the SQL
 * thread is counted at this estimate the moment it is submitted, long before the event loop encodes
 * it; with Netty's default (8 bytes for a non-buffer message) a fast cursor queued tens of
 * megabytes of rows before {@code isWritable()} turned false.
 */
public final class BackendMessageSizeEstimator implements MessageSizeEstimator {

  private static final Handle HANDLE =
      msg -> {
        if (msg instanceof ByteBuf) {
          return ((ByteBuf) msg).readableBytes();
        }
        if (msg instanceof BackendMessage.DataRows) {
          return (int) Math.min(Integer.MAX_VALUE, ((BackendMessage.DataRows) msg).estimatedSize());
        }
        if (msg instanceof BackendMessage.CopyDataRows) {
          return (int)
              Math.min(Integer.MAX_VALUE, ((BackendMessage.CopyDataRows) msg).estimatedSize());
        }
        return 64;
      };

  @Override
  public Handle newHandle() {
    return HANDLE;
  }
}
