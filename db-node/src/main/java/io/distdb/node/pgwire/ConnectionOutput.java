package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage;
import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The write side of one connection as the SQL thread sees it. Writes are handed to the event
 * loop; {@link #awaitWritable()} is where a large result waits for a slow client instead of
 * piling rows up in memory.
 */
final class ConnectionOutput {

  private final Channel channel;
  private final long id;
  private final Object writability = new Object();
  private volatile boolean closing;

  ConnectionOutput(Channel channel, long id) {
    this.channel = channel;
    this.id = id;
  }

  long id() {
    return id;
  }

  void write(BackendMessage msg) {
    channel.write(msg, channel.voidPromise());
  }

  void flush() {
    channel.flush();
  }

  /** Blocks the calling SQL thread while the outbound buffer is above its high-water mark. */
  void awaitWritable() {
    synchronized (writability) {
      while (channel.isActive() && !channel.isWritable()) {
        try {
          writability.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Called from the event loop when writability flips. */
  void writabilityChanged() {
    synchronized (writability) {
      writability.notifyAll();
    }
  }

  /** False once the connection is closed or closing; further work for it is pointless. */
  boolean isOpen() {
    return !closing && channel.isActive();
  }

  /** Sends a FATAL error and closes once it is written. */
  void fatal(ErrorResponse error) {
    closing = true;
    channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
  }

  void close() {
    closing = true;
    channel.flush();
    channel.close();
  }
}
