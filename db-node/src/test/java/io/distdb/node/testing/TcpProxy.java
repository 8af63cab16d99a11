package io.distdb.node.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback-only TCP proxy for fault-injection tests: listens on {@code 127.0.0.1:0} and forwards
 * to a target port on the same host, with a {@link Mode} switchable at runtime. It only ever
 * connects to loopback addresses, so a test cannot turn it into a relay to anywhere else.
 *
 * <p>Bounded: one event-loop thread, at most {@code maxConnections} proxied connections (excess
 * ones are closed on accept), and in {@code PASS} mode reading stops while the other side is not
 * writable. {@link #close()} releases the port, all connections and the thread.
 */
public final class TcpProxy implements AutoCloseable {

  /** What the proxy does with traffic; applies to every connection, current and new. */
  public sealed interface Mode {
    Mode PASS = new Pass();
    Mode BLACKHOLE = new Blackhole();
    Mode DROP = new Drop();

    static Mode delay(long millis) {
      return new Delay(millis);
    }

    static Mode delay(Duration delay) {
      return new Delay(delay.toMillis());
    }

    /** Forward everything as it arrives. */
    record Pass() implements Mode {}

    /** Keep connections open and keep reading, but forward nothing in either direction. */
    record Blackhole() implements Mode {}

    /** Close every current connection; close new ones as soon as they are accepted. */
    record Drop() implements Mode {}

    /** Forward each chunk {@code millis} after it arrived, preserving order. */
    record Delay(long millis) implements Mode {
      public Delay {
        if (millis < 0) {
          throw new IllegalArgumentException("negative delay " + millis);
        }
      }
    }
  }

  public static final int DEFAULT_MAX_CONNECTIONS = 32;

  private final InetSocketAddress target;
  private final int maxConnections;
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ChannelGroup connections = new DefaultChannelGroup("tcp-proxy", group.next());
  private final AtomicInteger frontends = new AtomicInteger();
  private final Channel server;
  private volatile Mode mode = Mode.PASS;

  private TcpProxy(InetSocketAddress target, int maxConnections) {
    this.target = requireLoopback(target);
    this.maxConnections = maxConnections;
    try {
      server =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childOption(
                  ChannelOption.AUTO_READ, false) // no reads until the backend is connected
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline().addLast(new Frontend());
                    }
                  })
              .bind(new InetSocketAddress(loopback(), 0))
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** Proxies to {@code 127.0.0.1:targetPort}. */
  public static TcpProxy start(int targetPort) {
    return start(new InetSocketAddress(loopback(), targetPort));
  }

  /**
   * @throws IllegalArgumentException unless {@code target} is a resolved loopback address
   */
  public static TcpProxy start(InetSocketAddress target) {
    return start(target, DEFAULT_MAX_CONNECTIONS);
  }

  public static TcpProxy start(InetSocketAddress target, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1");
    }
    return new TcpProxy(target, maxConnections);
  }

  /** The port clients should connect to (on 127.0.0.1). */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  public Mode mode() {
    return mode;
  }

  /** Switches mode; switching to {@link Mode#DROP} closes every open connection at once. */
  public void mode(Mode newMode) {
    mode = Objects.requireNonNull(newMode, "mode");
    if (newMode instanceof Mode.Drop) {
      connections.close();
    }
  }

  /** Client connections currently being proxied. */
  public int openConnections() {
    return frontends.get();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // cannot happen for a literal address
    }
  }

  private static InetSocketAddress requireLoopback(InetSocketAddress target) {
    Objects.requireNonNull(target, "target");
    if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("TcpProxy only forwards to loopback, not " + target);
    }
    return target;
  }

  /** On each accepted connection: connect to the target, then hand over to two relays. */
  private final class Frontend extends ChannelInboundHandlerAdapter {

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel in = ctx.channel();
      if (mode instanceof Mode.Drop) {
        in.close();
        return;
      }
      if (frontends.incrementAndGet() > maxConnections) {
        frontends.decrementAndGet();
        in.close();
        return;
      }
      in.closeFuture().addListener(f -> frontends.decrementAndGet());
      connections.add(in);
      ChannelFuture connect =
          new Bootstrap()
              .group(in.eventLoop()) // same thread for both sides: relays need no locking
              .channel(NioSocketChannel.class)
              .option(ChannelOption.AUTO_READ, false)
              .handler(new Relay(in))
              .connect(target);
      in.closeFuture().addListener(f -> connect.channel().close());
      connect.addListener(
          (ChannelFuture f) -> {
            if (!f.isSuccess() || !in.isActive()) {
              in.close();
              f.channel().close();
              return;
            }
            Channel out = f.channel();
            connections.add(out);
            if (mode instanceof Mode.Drop) { // DROP raced with the connect
              in.close();
              out.close();
              return;
            }
            ctx.pipeline().replace(this, "relay", new Relay(out));
            out.config().setAutoRead(true);
            in.config().setAutoRead(true);
          });
    }
  }

  /** Installed on one channel; forwards what it reads there to {@code peer}. */
  private final class Relay extends ChannelInboundHandlerAdapter {

    private final Channel peer;

    /** Latest scheduled forward time in this direction: later chunks never overtake it. */
    private long lastDeadlineNanos = System.nanoTime();

    Relay(Channel peer) {
      this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Mode m = mode;
      if (m instanceof Mode.Blackhole || m instanceof Mode.Drop) {
        ReferenceCountUtil.release(msg);
        return;
      }
      long now = System.nanoTime();
      long delay = m instanceof Mode.Delay d ? TimeUnit.MILLISECONDS.toNanos(d.millis()) : 0;
      long deadline = Math.max(now + delay, lastDeadlineNanos);
      if (deadline - now <= 0) {
        forward(ctx, msg);
      } else {
        lastDeadlineNanos = deadline;
        ctx.executor().schedule(() -> forward(ctx, msg), deadline - now, TimeUnit.NANOSECONDS);
      }
    }

    private void forward(ChannelHandlerContext ctx, Object msg) {
      if (!peer.isActive()) {
        ReferenceCountUtil.release(msg);
        return;
      }
      peer.writeAndFlush(msg);
      if (!peer.isWritable()) {
        ctx.channel().config().setAutoRead(false); // resumed by the peer's relay
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      // This channel is the peer's destination: let the peer read again once we can write.
      peer.config().setAutoRead(ctx.channel().isWritable());
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      // Close the other side too, but only after data still scheduled for it has been sent.
      long wait = lastDeadlineNanos - System.nanoTime();
      Runnable closePeer =
          () -> peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      if (wait > 0) {
        ctx.executor().schedule(closePeer, wait, TimeUnit.NANOSECONDS);
      } else {
        closePeer.run();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
