package io.distdb.node.admin;

import io.distdb.node.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The admin HTTP API: {@code /healthz}, {@code /readyz}, {@code /status}, {@code /checksums},
 * {@code /metrics}. With a token, all but the probes need {@code Authorization: Bearer <token>};
 * without one they are open to whoever reaches the port.
 */
public final class AdminServer implements AutoCloseable {

  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** Checksum requests waiting behind the running one before further ones get 503. */
  private static final int MAX_QUEUED_CHECKSUMS = 4;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ExecutorService reports = worker("admin-reports", 16);
  private final ExecutorService checksums = worker("admin-checksums", MAX_QUEUED_CHECKSUMS);
  private final Channel channel;

  /** An open admin API (no token). */
  public AdminServer(String bind, int port, AdminEndpoints endpoints) throws InterruptedException {
    this(bind, port, endpoints, null);
  }

  /**
   * @param token the bearer token the reports require, or null to leave them open
   */
  public AdminServer(String bind, int port, AdminEndpoints endpoints, String token)
      throws InterruptedException {
    AdminHandler handler =
        new AdminHandler(
            endpoints, token == null ? null : new BearerToken(token), reports, checksums);
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                        .addLast(handler);
                  }
                })
            .bind(bind, port)
            .sync()
            .channel();
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  private static ExecutorService worker(String name, int queue) {
    return new ThreadPoolExecutor(
        1,
        1,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queue),
        new DefaultThreadFactory(name, true));
  }

  @Override
  public void close() {
    EventLoops.await(channel.close(), "admin channel close");
    reports.shutdownNow();
    checksums.shutdownNow();
    EventLoops.shutdown(group, "admin");
  }
}
