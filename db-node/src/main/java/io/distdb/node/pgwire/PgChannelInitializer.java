package io.distdb.node.pgwire;

import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.protocol.BackendMessageEncoder;
import io.distdb.node.pgwire.protocol.FrontendMessageDecoder;
import io.distdb.node.pgwire.protocol.PgFrameDecoder;
import io.distdb.node.service.SqlService;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds each connection's pipeline: frame, decode, encode, handle. Typed on {@link Channel} rather
 * than SocketChannel so tests can run the whole protocol on an EmbeddedChannel.
 */
final class PgChannelInitializer extends ChannelInitializer<Channel> {

  private final PgServerConfig config;
  private final SqlService service;
  private final Authenticator authenticator;
  private final Executor sqlPool;
  private final ChannelGroup channels;
  private final AtomicLong ids = new AtomicLong();
  private final ConnectionSlots slots;
  private final LoginThrottle throttle = new LoginThrottle(System::currentTimeMillis);
  private final CancelRegistry cancels = new CancelRegistry();

  PgChannelInitializer(
      PgServerConfig config,
      SqlService service,
      Authenticator authenticator,
      Executor sqlPool,
      ChannelGroup channels) {
    this.config = config;
    this.service = service;
    this.authenticator = authenticator;
    this.sqlPool = sqlPool;
    this.channels = channels;
    this.slots = new ConnectionSlots(config.limits());
  }

  @Override
  protected void initChannel(Channel ch) {
    PgLimits limits = config.limits();
    ConnectionSlots.Admission admission = slots.tryAcquire(ch.remoteAddress());
    if (admission == ConnectionSlots.Admission.ADMITTED) {
      ch.closeFuture().addListener(f -> slots.release());
    } else if (channels.size() > 2 * limits.maxConnections()) {
      // Refused connections normally get their 53300 after the startup packet; a flood of them
      // is not worth even that.
      ch.close();
      return;
    }
    channels.add(ch);
    ConnectionOutput out = new ConnectionOutput(ch, ids.incrementAndGet());
    PgFrameDecoder frames =
        new PgFrameDecoder(PgLimits.MAX_UNAUTHENTICATED_MESSAGE, config.maxMessageSize());
    AuthenticationDeadline deadline = new AuthenticationDeadline(ch, frames, out.id());
    deadline.start(limits.authenticationTimeoutMillis());
    StartupPhase startup =
        new StartupPhase(
            out,
            service,
            authenticator,
            new SessionStarter(
                out, config.serverVersion(), cancels, limits.maxPreparedStatements()),
            admission,
            throttle,
            cancels,
            deadline);
    PgConnection connection = new PgConnection(out, startup);
    ch.pipeline()
        .addLast("frame", frames)
        .addLast("decode", new FrontendMessageDecoder())
        .addLast("encode", new BackendMessageEncoder())
        .addLast("handle", new PgConnectionHandler(new SerialExecutor(sqlPool), out, connection));
  }
}
