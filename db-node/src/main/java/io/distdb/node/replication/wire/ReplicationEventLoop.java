package io.distdb.node.replication.wire;

import io.distdb.node.EventLoops;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The master's one replication thread: the event loop of every slave connection and the thread the
 * primary's state lives on. Sharing it means a received ack is handled where it was read and an
 * entry is written where it was decided to send it, without a hand-off either way.
 */
public final class ReplicationEventLoop implements AutoCloseable {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(
          1, new DefaultThreadFactory("replication-primary", true), NioIoHandler.newFactory());

  EventLoopGroup group() {
    return group;
  }

  /** The loop as an executor, for the primary's own tasks and timers. */
  public ScheduledExecutorService executor() {
    return group.next();
  }

  @Override
  public void close() {
    EventLoops.shutdown(group, "replication");
  }
}
