package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage;
import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.BackendMessageSizeEstimator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.MessageSizeEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write side of one connection as the SQL thread sees it. Messages are collected on the SQL
 * thread and handed to the event loop in one task per flush: a point query's four or five replies
 * cost one cross-thread hand-off instead of one each. {@link #awaitWritable()} is where a large
 * result waits for a slow client instead of piling rows up in memory.
 */
final class ConnectionOutput {

  /** Bytes handed to the event loop but not yet in Netty's outbound buffer, before pausing. */
  private static final long MAX_HANDED_OVER_BYTES = 1 << 20;

  private static final MessageSizeEstimator.Handle SIZES =
      new BackendMessageSizeEstimator().newHandle();

  private final Channel channel;
  private final long id;
  private final Object writability = new Object();
  private final AtomicLong handedOverBytes = new AtomicLong();

  /** Messages written since the last hand-off; touched only by the connection's SQL thread. */
  private List<BackendMessage> pending = new ArrayList<>();

  private long pendingBytes;
  private volatile boolean closing;

  ConnectionOutput(Channel channel, long id) {
    this.channel = channel;
    this.id = id;
  }

  long id() {
    return id;
  }

  void write(BackendMessage msg) {
    pending.add(msg);
    pendingBytes += SIZES.size(msg);
  }

  void flush() {
    handOver(true);
  }

  private void handOver(boolean flush) {
    List<BackendMessage> batch = pending;
    long bytes = pendingBytes;
    pending = new ArrayList<>();
    pendingBytes = 0;
    Runnable task =
        () -> {
          for (BackendMessage m : batch) {
            channel.write(m, channel.voidPromise());
          }
          if (flush) {
            channel.flush();
          }
          handedOverBytes.addAndGet(-bytes);
          writabilityChanged();
        };
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      task.run();
    } else {
      handedOverBytes.addAndGet(bytes);
      loop.execute(task);
    }
  }

  /** Blocks the calling SQL thread while the outbound buffer is above its high-water mark. */
  void awaitWritable() {
    synchronized (writability) {
      while (channel.isActive()
          && (!channel.isWritable() || handedOverBytes.get() > MAX_HANDED_OVER_BYTES)) {
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
    handOver(false);
    channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Like {@link #fatal} but the error goes out only after {@code delayMillis}, from a timer rather
   * than a sleeping thread; nothing else is read or sent meanwhile.
   */
  void fatalAfter(ErrorResponse error, long delayMillis) {
    closing = true;
    handOver(true);
    channel.config().setAutoRead(false);
    channel
        .eventLoop()
        .schedule(
            () -> channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE),
            delayMillis,
            java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The connection's event loop, which also runs its timers. */
  java.util.concurrent.ScheduledExecutorService timers() {
    return channel.eventLoop();
  }

  /** The client's IP address, or null when it has none (embedded test channels). */
  java.net.InetAddress remoteAddress() {
    return channel.remoteAddress() instanceof java.net.InetSocketAddress inet
        ? inet.getAddress()
        : null;
  }

  void close() {
    closing = true;
    handOver(true);
    channel.close();
  }
}
