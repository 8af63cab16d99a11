package io.distdb.node;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded waits for Netty to stop. A node closes its servers from the JVM's shutdown hook on
 * SIGTERM; one close that never completes (a lost event loop thread, a listener that never runs)
 * would keep the process alive until the kubelet's SIGKILL, so every wait here ends after a few
 * seconds with a warning instead. Nothing durable depends on these closes: the log is fsynced
 * before any write is acknowledged.
 */
public final class EventLoops {

  private static final Logger log = LoggerFactory.getLogger(EventLoops.class);
  private static final long WAIT_SECONDS = 5;

  private EventLoops() {}

  /** Stops {@code group} at once (no quiet period, at most 2 s for running tasks). */
  public static void shutdown(EventLoopGroup group, String what) {
    await(group.shutdownGracefully(0, 2, TimeUnit.SECONDS), what + " event loop shutdown");
  }

  /** Waits a bounded time for {@code future}, e.g. a channel's close. */
  public static void await(Future<?> future, String what) {
    if (!future.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS)) {
      log.atWarn().addKeyValue("step", what).log("not finished after {} s; going on", WAIT_SECONDS);
    }
  }
}
