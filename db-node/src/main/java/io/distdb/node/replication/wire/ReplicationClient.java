package io.distdb.node.replication.wire;

import io.distdb.node.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's connection to its master: connects, and whenever the connection fails or ends,
 * reconnects after a capped, jittered exponential backoff, until closed.
 */
public final class ReplicationClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplicationClient.class);

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final String host;
  private final int port;
  private final ReconnectBackoff backoff;
  private final Bootstrap bootstrap;
  private volatile boolean closed;

  public ReplicationClient(
      String host,
      int port,
      ReplicationWireConfig config,
      PeerHandler handler,
      ReconnectBackoff backoff) {
    this.host = host;
    this.port = port;
    this.backoff = backoff;
    PeerHandler resetting =
        new PeerHandler() {
          @Override
          public void connected(PeerConnection connection) {
            handler.connected(connection);
          }

          @Override
          public void received(PeerConnection connection, ReplicationMessage message) {
            handler.received(connection, message);
          }

          @Override
          public void readComplete(PeerConnection connection) {
            handler.readComplete(connection);
          }

          @Override
          public void writable(PeerConnection connection) {
            handler.writable(connection);
          }

          @Override
          public void idle(PeerConnection connection) {
            handler.idle(connection);
          }

          @Override
          public void disconnected(PeerConnection connection) {
            handler.disconnected(connection);
            scheduleReconnect();
          }
        };
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3_000)
            .handler(
                new ReplicationChannelInitializer(config, () -> new PeerChannelHandler(resetting)));
  }

  public void start() {
    connect();
  }

  /** Call once a session got past the handshake, so the next failure retries quickly. */
  public void connectionEstablished() {
    backoff.reset();
  }

  private void connect() {
    if (closed) {
      return;
    }
    ChannelFuture f = bootstrap.connect(host, port);
    f.addListener(
        done -> {
          if (!done.isSuccess()) {
            log.atDebug()
                .addKeyValue("master", host + ":" + port)
                .log("connect failed: {}", done.cause().toString());
            scheduleReconnect();
          }
        });
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    Duration delay = backoff.nextDelay();
    group.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    EventLoops.shutdown(group, "replication client");
  }
}
