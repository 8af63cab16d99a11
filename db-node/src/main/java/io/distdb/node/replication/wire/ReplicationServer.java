package io.distdb.node.replication.wire;

import io.distdb.node.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/** The master's replication listener; each accepted slave is handed to a {@link PeerHandler}. */
public final class ReplicationServer implements AutoCloseable {

  /** Past this much unsent data a connection reports unwritable and the streamer pauses. */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);

  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final Channel channel;

  public ReplicationServer(String bind, int port, ReplicationWireConfig config, PeerHandler handler)
      throws InterruptedException {
    this(
        bind,
        port,
        config,
        handler,
        new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()),
        true);
  }

  /** Serves on {@code loop}, which the caller closes after this server. */
  public ReplicationServer(
      String bind,
      int port,
      ReplicationWireConfig config,
      PeerHandler handler,
      ReplicationEventLoop loop)
      throws InterruptedException {
    this(bind, port, config, handler, loop.group(), false);
  }

  private ReplicationServer(
      String bind,
      int port,
      ReplicationWireConfig config,
      PeerHandler handler,
      EventLoopGroup group,
      boolean ownsGroup)
      throws InterruptedException {
    this.group = group;
    this.ownsGroup = ownsGroup;
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new ReplicationChannelInitializer(
                    config, () -> new PeerChannelHandler(handler), true))
            .bind(bind, port)
            .sync()
            .channel();
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    EventLoops.await(channel.close(), "replication channel close");
    if (ownsGroup) {
      EventLoops.shutdown(group, "replication server");
    }
  }
}
