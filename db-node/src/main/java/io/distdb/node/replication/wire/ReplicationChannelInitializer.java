package io.distdb.node.replication.wire;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the replication pipeline, identical on master (server) and slave (client) sides:
 *
 * <pre>
 * idle → frameDecoder → messageDecoder → messageEncoder → business handler → errors
 * </pre>
 *
 * The idle handler sits first so that raw bytes of a large frame still count as activity. The
 * business handler receives {@link ReplicationMessage}s and {@code IdleStateEvent}s and writes
 * {@link ReplicationMessage}s; {@link ProtocolErrorHandler} closes on anything it lets through.
 */
public final class ReplicationChannelInitializer extends ChannelInitializer<Channel> {

  public static final String IDLE = "idle";
  public static final String FRAME_DECODER = "frameDecoder";
  public static final String MESSAGE_DECODER = "messageDecoder";
  public static final String MESSAGE_ENCODER = "messageEncoder";
  public static final String BUSINESS = "business";
  public static final String ERRORS = "errors";

  private final ReplicationWireConfig config;
  private final Supplier<? extends ChannelHandler> businessHandlerFactory;
  private final boolean smallFramesUntilAuthenticated;

  /**
   * @param businessHandlerFactory called once per channel; return a fresh handler unless it is
   *     {@code @Sharable}
   */
  public ReplicationChannelInitializer(
      ReplicationWireConfig config, Supplier<? extends ChannelHandler> businessHandlerFactory) {
    this(config, businessHandlerFactory, false);
  }

  /**
   * @param smallFramesUntilAuthenticated the master's side: a stranger may send only
   *     handshake-sized frames until {@code PeerConnection.authenticated()}
   */
  public ReplicationChannelInitializer(
      ReplicationWireConfig config,
      Supplier<? extends ChannelHandler> businessHandlerFactory,
      boolean smallFramesUntilAuthenticated) {
    this.smallFramesUntilAuthenticated = smallFramesUntilAuthenticated;
    this.config = Objects.requireNonNull(config, "config");
    this.businessHandlerFactory =
        Objects.requireNonNull(businessHandlerFactory, "businessHandlerFactory");
  }

  @Override
  protected void initChannel(Channel ch) {
    install(ch.pipeline(), config, businessHandlerFactory.get());
    if (smallFramesUntilAuthenticated) {
      ch.pipeline()
          .replace(
              FRAME_DECODER,
              FRAME_DECODER,
              ReplicationFrameDecoder.untilAuthenticated(config.maxFrameLength()));
    }
  }

  /** Installs the replication handlers into an existing pipeline (e.g. an EmbeddedChannel's). */
  public static void install(
      ChannelPipeline pipeline, ReplicationWireConfig config, ChannelHandler businessHandler) {
    pipeline.addLast(
        IDLE,
        new IdleStateHandler(
            config.readerIdle().toMillis(),
            config.writerIdle().toMillis(),
            0,
            TimeUnit.MILLISECONDS));
    pipeline.addLast(FRAME_DECODER, new ReplicationFrameDecoder(config.maxFrameLength()));
    pipeline.addLast(MESSAGE_DECODER, new ReplicationMessageDecoder());
    pipeline.addLast(MESSAGE_ENCODER, new ReplicationMessageEncoder(config.maxFrameLength()));
    pipeline.addLast(BUSINESS, Objects.requireNonNull(businessHandler, "businessHandler"));
    pipeline.addLast(ERRORS, ProtocolErrorHandler.INSTANCE);
  }
}
