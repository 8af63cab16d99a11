package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of a connection: hands each decoded message to the connection's serial
 * executor and never runs SQL itself. When a client pipelines faster than its statements run,
 * reading is paused so queued messages stay bounded.
 */
final class PgConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(PgConnectionHandler.class);

  private static final int PAUSE_READING_AT = 256;
  private static final int RESUME_READING_AT = 32;

  private final SerialExecutor executor;
  private final ConnectionOutput out;
  private final PgConnection connection;
  private final AtomicInteger queued = new AtomicInteger();

  /** Bumped when a message's task starts: a pending idle timer that sees it changed is stale. */
  private volatile long activity;

  private ScheduledFuture<?> idleTimer;

  PgConnectionHandler(SerialExecutor executor, ConnectionOutput out, PgConnection connection) {
    this.executor = executor;
    this.out = out;
    this.connection = connection;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    log.atDebug()
        .addKeyValue("conn", out.id())
        .addKeyValue("remote", ctx.channel().remoteAddress())
        .log("connection accepted");
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    FrontendMessage message = (FrontendMessage) msg;
    Channel channel = ctx.channel();
    if (queued.incrementAndGet() >= PAUSE_READING_AT) {
      channel.config().setAutoRead(false);
    }
    executor.execute(
        () -> {
          activity++;
          try {
            connection.handle(message);
          } finally {
            // "<=" rather than "==": the pause may land after the queue already drained past the
            // mark, and the task queued right behind the pause must still be able to resume.
            int left = queued.decrementAndGet();
            if (left <= RESUME_READING_AT && !channel.config().isAutoRead()) {
              channel.config().setAutoRead(true);
            }
            if (left == 0) {
              armIdleTimer(channel);
            }
          }
        });
  }

  /**
   * Nothing is queued: the client is now waiting or thinking. Inside a transaction block that may
   * last only {@code idle_in_transaction_session_timeout}. The timer's check runs on the serial
   * executor, behind any message that arrived meanwhile, and gives up if one did.
   */
  private void armIdleTimer(Channel channel) {
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
    long timeout = connection.idleInTransactionTimeoutMillis();
    if (timeout <= 0) {
      return;
    }
    long seen = activity;
    idleTimer =
        channel
            .eventLoop()
            .schedule(
                () ->
                    executor.execute(
                        () -> {
                          if (activity == seen) {
                            connection.idleInTransactionTimedOut();
                          }
                        }),
                timeout,
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    executor.execute(connection::channelClosed);
    ctx.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    out.writabilityChanged();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof ProtocolException) {
      // Queued behind earlier messages so their responses go out before the FATAL.
      executor.execute(() -> connection.protocolViolation((ProtocolException) root));
      return;
    }
    log.atDebug().addKeyValue("conn", out.id()).setCause(root).log("connection error, closing");
    ctx.close();
  }
}
