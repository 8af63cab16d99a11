package io.distdb.node.pgwire;

import io.distdb.node.pgwire.ServerMessages.Msg;
import io.distdb.node.pgwire.auth.Authenticator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.List;
import java.util.Map;

/**
 * The real connection pipeline on an EmbeddedChannel, with SQL running inline, so a whole
 * conversation is deterministic and single-threaded.
 */
final class EmbeddedPg {

  static final int MAX_MESSAGE = 1 << 20;

  final EmbeddedChannel channel;

  EmbeddedPg(FakeSqlService service, Authenticator auth) {
    channel =
        new EmbeddedChannel(
            new PgChannelInitializer(
                PgServerConfig.defaults().withMaxMessageSize(MAX_MESSAGE),
                service,
                auth,
                Runnable::run,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE)));
  }

  /** A connected, authenticated (trust) connection with its startup output consumed. */
  static EmbeddedPg connected(FakeSqlService service) {
    EmbeddedPg pg = new EmbeddedPg(service, Authenticator.trust());
    pg.send(ClientFrames.startup(Map.of("user", "u", "database", "db")));
    return pg;
  }

  List<Msg> send(ByteBuf in) {
    channel.writeInbound(in);
    channel.runPendingTasks();
    return drain();
  }

  List<Msg> sendByteByByte(ByteBuf in) {
    while (in.isReadable()) {
      channel.writeInbound(in.readRetainedSlice(1));
    }
    in.release();
    channel.runPendingTasks();
    return drain();
  }

  List<Msg> drain() {
    ByteBuf all = Unpooled.buffer();
    ByteBuf part;
    while ((part = channel.readOutbound()) != null) {
      all.writeBytes(part);
      part.release();
    }
    try {
      return ServerMessages.parse(all);
    } finally {
      all.release();
    }
  }
}
