package io.distdb.node.pgwire;

import io.distdb.node.EventLoops;
import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.protocol.BackendMessageSizeEstimator;
import io.distdb.node.service.SqlService;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL v3 wire protocol listener. Netty event loops do only I/O and framing; statements
 * run on a separate pool through a per-connection serial executor, so a slow query holds up neither
 * the event loop nor other connections, while each connection's messages stay in order.
 *
 * <pre>
 *   PgServer server = new PgServer(PgServerConfig.defaults().withPort(5432), sqlService,
 *       Authenticator.scramSha256(new StaticCredentials("admin", password)));
 *   server.start();
 *   ...
 *   server.close();
 * </pre>
 */
public final class PgServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PgServer.class);

  private final PgServerConfig config;
  private final SqlService service;
  private final Authenticator authenticator;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ExecutorService sqlPool;
  private Channel serverChannel;

  public PgServer(PgServerConfig config, SqlService service, Authenticator authenticator) {
    this.config = Objects.requireNonNull(config, "config");
    this.service = Objects.requireNonNull(service, "service");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  /** Binds the listening socket; returns once connections are accepted. */
  public synchronized void start() throws InterruptedException {
    if (serverChannel != null) {
      throw new IllegalStateException("already started");
    }
    boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("pg-boss", true), NioIoHandler.newFactory());
    workers =
        new MultiThreadIoEventLoopGroup(
            config.workerThreads(),
            new DefaultThreadFactory("pg-io", true),
            NioIoHandler.newFactory());
    // Unbounded on purpose: a thread only exists while a connection has work queued, and a
    // bounded pool would let slow statements starve other connections.
    sqlPool = Executors.newCachedThreadPool(new DefaultThreadFactory("pg-sql", true));
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childOption(ChannelOption.MESSAGE_SIZE_ESTIMATOR, new BackendMessageSizeEstimator())
            .childHandler(
                new PgChannelInitializer(config, service, authenticator, sqlPool, channels));
    try {
      serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
    } catch (InterruptedException | RuntimeException e) {
      shutdownExecutors();
      throw e;
    }
    log.atInfo()
        .addKeyValue("host", config.host())
        .addKeyValue("port", port())
        .log("PostgreSQL protocol listening");
  }

  /** The bound port (useful when the configured port was 0). */
  public synchronized int port() {
    if (serverChannel == null) {
      throw new IllegalStateException("not started");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /**
   * Stops accepting, closes every connection (their sessions are closed, rolling back open
   * transactions) and waits briefly for running statements to finish.
   */
  @Override
  public synchronized void close() {
    if (serverChannel == null) {
      return;
    }
    EventLoops.await(serverChannel.close(), "PostgreSQL listener close");
    EventLoops.await(channels.close(), "PostgreSQL connections close");
    serverChannel = null;
    shutdownExecutors();
    log.atInfo().log("PostgreSQL protocol stopped");
  }

  private void shutdownExecutors() {
    EventLoops.shutdown(boss, "PostgreSQL accept");
    // Draining the workers fires channelInactive, which queues session cleanup on the SQL pool.
    EventLoops.shutdown(workers, "PostgreSQL io");
    sqlPool.shutdown();
    try {
      if (!sqlPool.awaitTermination(5, TimeUnit.SECONDS)) {
        log.atWarn().log("statements still running after shutdown timeout");
        sqlPool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sqlPool.shutdownNow();
    }
  }
}
