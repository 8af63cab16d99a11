package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
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
          try {
            connection.handle(message);
          } finally {
            // "<=" rather than "==": the pause may land after the queue already drained past the
            // mark, and the task queued right behind the pause must still be able to resume.
            if (queued.decrementAndGet() <= RESUME_READING_AT && !channel.config().isAutoRead()) {
              channel.config().setAutoRead(true);
            }
          }
        });
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
