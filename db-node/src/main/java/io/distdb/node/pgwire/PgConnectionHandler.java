package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of a connection: hands the decoded messages to the connection's serial
 * executor and never runs SQL itself. The messages of one read (a client's Parse/Bind/Execute/Sync,
 * say) go over as one task, so a statement costs one hand-off rather than one per message. When a
 * client pipelines faster than its statements run, reading is paused so queued messages stay
 * bounded.
 */
final class PgConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(PgConnectionHandler.class);

  private static final int PAUSE_READING_AT = 256;
  private static final int RESUME_READING_AT = 32;

  /** A read that decodes more messages than this hands them over in several tasks. */
  private static final int MAX_MESSAGES_PER_TASK = 64;

  private final SerialExecutor executor;
  private final ConnectionOutput out;
  private final PgConnection connection;
  private final AtomicInteger queued = new AtomicInteger();

  /** Bumped when a message's task starts: a pending idle timer that sees it changed is stale. */
  private volatile long activity;

  private ScheduledFuture<?> idleTimer;

  /** Messages of the current read not yet handed over; event loop only. */
  private List<FrontendMessage> batch = new ArrayList<>();

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
    batch.add((FrontendMessage) msg);
    if (batch.size() >= MAX_MESSAGES_PER_TASK) {
      handOver(ctx.channel());
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    handOver(ctx.channel());
    ctx.fireChannelReadComplete();
  }

  private void handOver(Channel channel) {
    if (batch.isEmpty()) {
      return;
    }
    List<FrontendMessage> messages = batch;
    batch = new ArrayList<>();
    if (queued.addAndGet(messages.size()) >= PAUSE_READING_AT) {
      channel.config().setAutoRead(false);
    }
    executor.execute(
        () -> {
          for (FrontendMessage message : messages) {
            handle(channel, message);
          }
        });
  }

  private void handle(Channel channel, FrontendMessage message) {
    activity++;
    try {
      connection.handle(message);
    } catch (RuntimeException e) {
      // One message's failure must not drop the rest of its read (the serial executor logs it).
      log.atWarn().setCause(e).addKeyValue("conn", out.id()).log("connection task failed");
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
    handOver(ctx.channel());
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
      handOver(ctx.channel());
      // Queued behind earlier messages so their responses go out before the FATAL.
      executor.execute(() -> connection.protocolViolation((ProtocolException) root));
      return;
    }
    log.atDebug().addKeyValue("conn", out.id()).setCause(root).log("connection error, closing");
    ctx.close();
  }
}
