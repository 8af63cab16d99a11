package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.pgwire.ServerMessages.Msg;
import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.StaticCredentials;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad bytes and oversized messages through the real pipeline, and that the session survives. */
class PgInputLimitsTest {

  private final FakeSqlService service =
      new FakeSqlService()
          .rows(
              "select $1",
              List.of(new Column("?column?", PgType.TEXT)),
              List.<Object[]>of(new Object[] {"x"}))
          .rows(
              "select 1",
              List.of(new Column("n", PgType.INT4)),
              List.<Object[]>of(new Object[] {1}));

  private static ByteBuf rawQuery(byte[] sql) {
    ByteBuf body = Unpooled.buffer();
    body.writeBytes(sql).writeByte(0);
    return ClientFrames.frame('Q', body);
  }

  private static ByteBuf rawBind(byte[] value) {
    ByteBuf body = Unpooled.buffer();
    body.writeByte(0).writeByte(0); // unnamed portal, unnamed statement
    body.writeShort(0).writeShort(1).writeInt(value.length).writeBytes(value);
    body.writeShort(0);
    return ClientFrames.frame('B', body);
  }

  @Test
  void invalidUtf8InAQueryIsAnErrorAndTheSessionGoesOn() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs = pg.send(rawQuery(new byte[] {'s', 'e', 'l', (byte) 0xC3, 0x28}));
    assertThat(ServerMessages.types(msgs)).isEqualTo("EZ");
    assertThat(msgs.get(0).fields())
        .containsEntry('S', "ERROR")
        .containsEntry('C', "22021")
        .containsEntry('M', "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
    assertThat(ServerMessages.types(pg.send(ClientFrames.query("select 1")))).isEqualTo("TDCZ");
  }

  @Test
  void nulInATextParameterIsRejected() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs =
        pg.send(
            ClientFrames.concat(
                ClientFrames.parse("", "select $1"),
                rawBind(new byte[] {'a', 0, 'b'}),
                ClientFrames.execute("", 0),
                ClientFrames.sync()));
    assertThat(ServerMessages.types(msgs)).isEqualTo("1EZ");
    assertThat(msgs.get(1).sqlState()).isEqualTo("22021");
    assertThat(msgs.get(1).fields().get('M')).endsWith(": 0x00");
    assertThat(ServerMessages.types(pg.send(ClientFrames.query("select 1")))).isEqualTo("TDCZ");
  }

  @Test
  void beforeAuthenticationOnlySmallMessagesAreAccepted() {
    EmbeddedPg pg =
        new EmbeddedPg(service, Authenticator.scramSha256(new StaticCredentials("u", "pw")));
    List<Msg> sasl = pg.send(ClientFrames.startup(Map.of("user", "u", "database", "db")));
    assertThat(ServerMessages.types(sasl)).isEqualTo("R");
    ByteBuf big = Unpooled.buffer();
    big.writeZero(PgLimits.MAX_UNAUTHENTICATED_MESSAGE + 1);
    List<Msg> msgs = pg.send(ClientFrames.frame('p', big));
    assertThat(ServerMessages.types(msgs)).isEqualTo("E");
    assertThat(msgs.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
    assertThat(pg.channel.isActive()).isFalse();
  }

  @Test
  void afterAuthenticationTheConfiguredLimitApplies() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    // Larger than the pre-authentication limit, within EmbeddedPg's configured one.
    String sql = "select 1 /*" + "x".repeat(PgLimits.MAX_UNAUTHENTICATED_MESSAGE * 2) + "*/";
    List<Msg> msgs = pg.send(ClientFrames.query(sql));
    assertThat(msgs.get(msgs.size() - 1).type()).isEqualTo('Z');
    assertThat(pg.channel.isActive()).isTrue();
  }
}
