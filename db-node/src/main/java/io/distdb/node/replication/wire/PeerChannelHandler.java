package io.distdb.node.replication.wire;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts a Netty channel to the replication core's {@link PeerHandler}. */
final class PeerChannelHandler extends SimpleChannelInboundHandler<ReplicationMessage> {

  private static final Logger log = LoggerFactory.getLogger(PeerChannelHandler.class);

  private final PeerHandler handler;
  private ChannelConnection connection;

  PeerChannelHandler(PeerHandler handler) {
    this.handler = handler;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    connection = new ChannelConnection(ctx.channel());
    handler.connected(connection);
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ReplicationMessage message) {
    handler.received(connection, message);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    handler.readComplete(connection);
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      handler.writable(connection);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.READER_IDLE) {
        log.atWarn()
            .addKeyValue("peer", connection.remoteAddress())
            .log("peer silent past the read timeout; closing");
        ctx.close();
      } else if (idle.state() == IdleState.WRITER_IDLE) {
        handler.idle(connection);
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (connection != null) {
      handler.disconnected(connection);
    }
    ctx.fireChannelInactive();
  }

  /** A Netty channel behind the {@link PeerConnection} interface. */
  private static final class ChannelConnection implements PeerConnection {
    private final Channel channel;
    private final String remote;

    ChannelConnection(Channel channel) {
      this.channel = channel;
      SocketAddress address = channel.remoteAddress();
      this.remote = address == null ? "unknown" : address.toString().replaceFirst("^/", "");
    }

    @Override
    public void send(ReplicationMessage message) {
      // A failed write means the channel is closing; its close event reports that, not this.
      channel.writeAndFlush(message);
    }

    @Override
    public boolean isWritable() {
      return channel.isWritable();
    }

    @Override
    public void close() {
      channel.close();
    }

    @Override
    public void authenticated() {
      if (channel.pipeline().get(ReplicationChannelInitializer.FRAME_DECODER)
          instanceof ReplicationFrameDecoder frames) {
        frames.authenticated();
      }
    }

    @Override
    public boolean isOpen() {
      return channel.isActive();
    }

    @Override
    public String remoteAddress() {
      return remote;
    }
  }
}
