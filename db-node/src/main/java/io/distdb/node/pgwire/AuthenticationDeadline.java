package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.PgFrameDecoder;
import io.netty.channel.Channel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection may do before it has authenticated: finish within {@code
 * authentication_timeout} (otherwise it is closed without a word, as PostgreSQL does) and send only
 * small messages. {@link #passed()} lifts both.
 */
final class AuthenticationDeadline {

  private static final Logger log = LoggerFactory.getLogger(AuthenticationDeadline.class);

  private final Channel channel;
  private final PgFrameDecoder decoder;
  private final long connectionId;
  private volatile boolean passed;
  private ScheduledFuture<?> timer;

  AuthenticationDeadline(Channel channel, PgFrameDecoder decoder, long connectionId) {
    this.channel = channel;
    this.decoder = decoder;
    this.connectionId = connectionId;
  }

  void start(long timeoutMillis) {
    timer = channel.eventLoop().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void expire() {
    if (passed || !channel.isActive()) {
      return;
    }
    log.atInfo()
        .addKeyValue("conn", connectionId)
        .addKeyValue("remote", channel.remoteAddress())
        .log("canceling authentication due to timeout");
    channel.close();
  }

  /** Authentication succeeded: called before AuthenticationOk is written. */
  void passed() {
    passed = true;
    decoder.authenticated();
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
