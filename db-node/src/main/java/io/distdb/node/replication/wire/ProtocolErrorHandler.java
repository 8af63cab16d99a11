package io.distdb.node.replication.wire;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of every replication pipeline: any exception nobody handled ends the connection. A
 * replication stream that has seen a corrupt frame or a failing handler cannot be trusted to
 * continue; the reconnect logic starts over with a fresh handshake.
 */
@Sharable
public final class ProtocolErrorHandler extends ChannelInboundHandlerAdapter {

  public static final ProtocolErrorHandler INSTANCE = new ProtocolErrorHandler();

  private static final Logger log = LoggerFactory.getLogger(ProtocolErrorHandler.class);

  private ProtocolErrorHandler() {}

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof CorruptFrameException ? cause : rootCorruption(cause);
    if (root instanceof CorruptFrameException) {
      // No stack trace: the reason says everything and a hostile peer could flood the log.
      log.atWarn()
          .addKeyValue("remote", ctx.channel().remoteAddress())
          .addKeyValue("reason", root.getMessage())
          .log("closing replication connection: corrupt frame");
    } else if (cause instanceof java.io.IOException) {
      // The peer went away (a killed or restarted node resets the connection): its reconnect or
      // absence is logged where the replication state changes, without a stack trace here.
      log.atInfo()
          .addKeyValue("remote", ctx.channel().remoteAddress())
          .addKeyValue("reason", cause.getMessage())
          .log("replication connection lost");
    } else {
      log.atWarn()
          .addKeyValue("remote", ctx.channel().remoteAddress())
          .setCause(cause)
          .log("closing replication connection: unhandled error");
    }
    ctx.close();
  }

  private static Throwable rootCorruption(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CorruptFrameException) {
        return c;
      }
    }
    return t;
  }
}
