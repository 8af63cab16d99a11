package io.distdb.node.pgwire;

import static io.distdb.node.pgwire.ClientFrames.bind;
import static io.distdb.node.pgwire.ClientFrames.concat;
import static io.distdb.node.pgwire.ClientFrames.describe;
import static io.distdb.node.pgwire.ClientFrames.execute;
import static io.distdb.node.pgwire.ClientFrames.parse;
import static io.distdb.node.pgwire.ClientFrames.query;
import static io.distdb.node.pgwire.ClientFrames.sync;
import static io.distdb.node.pgwire.ServerMessages.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.pgwire.ServerMessages.Msg;
import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole conversations through the real pipeline on an EmbeddedChannel. */
class PgProtocolPipelineTest {

  private static final List<Column> ID_NAME =
      List.of(new Column("id", PgType.INT4), new Column("name", PgType.TEXT));

  private final FakeSqlService service =
      new FakeSqlService()
          .rows(
              "select id, name from t",
              ID_NAME,
              List.of(new Object[] {1, "one"}, new Object[] {2, null}))
          .rows("select n from five", List.of(new Column("n", PgType.INT8)), fiveRows())
          .rows(
              "select $1",
              List.of(new Column("?column?", PgType.INT4)),
              List.<Object[]>of(new Object[] {7}),
              PgType.INT4.oid())
          .command("insert into t values (1)", "INSERT 0 1")
          .error("select boom", "42703", "column \"boom\" does not exist")
          .crash("select bug");

  private static List<Object[]> fiveRows() {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 5; i++) {
      rows.add(new Object[] {i});
    }
    return rows;
  }

  @Test
  void startupByteByByteSendsStatusKeyDataAndReady() {
    EmbeddedPg pg = new EmbeddedPg(service, Authenticator.trust());
    List<Msg> msgs =
        pg.sendByteByByte(
            ClientFrames.startup(Map.of("user", "alice", "application_name", "psql")));
    assertThat(types(msgs)).matches("RS+KZ");
    assertThat(msgs.get(msgs.size() - 1).body()).containsExactly('I');
    List<String> status =
        msgs.stream().filter(m -> m.type() == 'S').map(m -> new String(m.body())).toList();
    assertThat(status)
        .contains(
            "client_encoding\0UTF8\0",
            "DateStyle\0ISO, MDY\0",
            "integer_datetimes\0on\0",
            "server_version\0" + PgServerConfig.DEFAULT_SERVER_VERSION + "\0",
            "application_name\0psql\0",
            "TimeZone\0UTC\0");
  }

  @Test
  void sslRequestIsRefusedThenStartupProceeds() {
    EmbeddedPg pg = new EmbeddedPg(service, Authenticator.trust());
    pg.channel.writeInbound(ClientFrames.sslRequest());
    ByteBuf answer = pg.channel.readOutbound();
    assertThat(answer.readableBytes()).isEqualTo(1);
    assertThat(answer.readByte()).isEqualTo((byte) 'N');
    answer.release();
    assertThat(types(pg.send(ClientFrames.startup(Map.of("user", "u"))))).endsWith("KZ");
  }

  @Test
  void unknownDatabaseIsFatal3D000() {
    EmbeddedPg pg = new EmbeddedPg(service.databases("db"), Authenticator.trust());
    List<Msg> msgs = pg.send(ClientFrames.startup(Map.of("user", "u", "database", "nope")));
    assertThat(types(msgs)).isEqualTo("RE");
    assertThat(msgs.get(1).fields()).containsEntry('S', "FATAL").containsEntry('C', "3D000");
    assertThat(pg.channel.isActive()).isFalse();
  }

  @Test
  void simpleQueryReturnsRowsInText() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs = pg.sendByteByByte(query("select id, name from t"));
    assertThat(types(msgs)).isEqualTo("TDDCZ");
    assertThat(msgs.get(1).textValues()).containsExactly("1", "one");
    assertThat(msgs.get(2).textValues()).containsExactly("2", null);
    assertThat(msgs.get(3).cstring()).isEqualTo("SELECT 2");
  }

  @Test
  void simpleQueryStopsAtTheFirstError() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs =
        pg.send(query("insert into t values (1); select boom; select id, name from t"));
    assertThat(types(msgs)).isEqualTo("CEZ");
    assertThat(msgs.get(1).fields())
        .containsEntry('S', "ERROR")
        .containsEntry('C', "42703")
        .containsEntry('M', "column \"boom\" does not exist");
    assertThat(service.executedSql("select id, name from t")).isEmpty();
  }

  @Test
  void emptyQueryGetsEmptyQueryResponse() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    assertThat(types(pg.send(query("  ")))).isEqualTo("IZ");
  }

  @Test
  void serviceBugBecomesXX000AndTheConnectionLivesOn() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs = pg.send(query("select bug"));
    assertThat(types(msgs)).isEqualTo("EZ");
    assertThat(msgs.get(0).sqlState()).isEqualTo("XX000");
    assertThat(types(pg.send(query("select id, name from t")))).isEqualTo("TDDCZ");
  }

  @Test
  void transactionStatusFollowsTheSession() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    assertThat(last(pg.send(query("BEGIN")))).isEqualTo('T');
    assertThat(last(pg.send(query("select boom")))).isEqualTo('E');
    List<Msg> aborted = pg.send(query("select id, name from t"));
    assertThat(aborted.get(0).sqlState()).isEqualTo("25P02");
    assertThat(last(pg.send(query("ROLLBACK")))).isEqualTo('I');
  }

  private static char last(List<Msg> msgs) {
    Msg z = msgs.get(msgs.size() - 1);
    assertThat(z.type()).isEqualTo('Z');
    return (char) z.body()[0];
  }

  @Test
  void extendedQueryParseBindDescribeExecuteSync() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs =
        pg.sendByteByByte(
            concat(
                parse("", "select $1", 0),
                bind("", "", new String[] {"7"}),
                describe('P', ""),
                execute("", 0),
                sync()));
    assertThat(types(msgs)).isEqualTo("12TDCZ");
    assertThat(service.executedSql("select $1").get(0).params()).containsExactly("7");
  }

  @Test
  void describeStatementSendsParameterTypesThenRowsOrNoData() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs =
        pg.send(
            concat(
                parse("s1", "select $1"),
                describe('S', "s1"),
                parse("s2", "insert into t values (1)"),
                describe('S', "s2"),
                sync()));
    assertThat(types(msgs)).isEqualTo("1tT1tnZ");
    assertThat(msgs.get(1).body()).containsExactly(0, 1, 0, 0, 0, 23);
  }

  @Test
  void executeWithMaxRowsSuspendsAndResumes() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> first =
        pg.send(
            concat(
                parse("", "select n from five"),
                bind("c1", "", new String[0]),
                execute("c1", 2),
                ClientFrames.frame('H', Unpooled.EMPTY_BUFFER)));
    assertThat(types(first)).isEqualTo("12DDs");
    assertThat(types(pg.send(execute("c1", 2)))).isEqualTo("");
    List<Msg> rest = pg.send(concat(execute("c1", 2), sync()));
    assertThat(types(rest)).isEqualTo("DDsDCZ");
    assertThat(rest.get(4).cstring()).isEqualTo("SELECT 1");
    assertThat(service.closedCursors.get()).isEqualTo(1);
  }

  @Test
  void errorDiscardsEverythingUntilSync() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs =
        pg.send(
            concat(
                parse("", "select nothing canned"),
                bind("", "", new String[0]),
                execute("", 0),
                query("select id, name from t"),
                sync()));
    assertThat(types(msgs)).isEqualTo("EZ");
    assertThat(msgs.get(0).sqlState()).isEqualTo("42P01");
    assertThat(types(pg.send(query("select id, name from t")))).isEqualTo("TDDCZ");
  }

  @Test
  void unknownNamesDuplicatesAndParameterCountMismatch() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    assertThat(pg.send(concat(bind("", "nope", new String[0]), sync())).get(0).sqlState())
        .isEqualTo("26000");
    assertThat(pg.send(concat(execute("nope", 0), sync())).get(0).sqlState()).isEqualTo("34000");
    assertThat(pg.send(concat(describe('P', "nope"), sync())).get(0).sqlState()).isEqualTo("34000");
    assertThat(types(pg.send(concat(parse("s", "select $1"), sync())))).isEqualTo("1Z");
    assertThat(pg.send(concat(parse("s", "select $1"), sync())).get(0).sqlState())
        .isEqualTo("42P05");
    List<Msg> mismatch = pg.send(concat(bind("", "s", new String[] {"1", "2"}), sync()));
    assertThat(mismatch.get(0).sqlState()).isEqualTo("08P01");
    assertThat(mismatch.get(0).fields()).containsEntry('S', "ERROR");
    assertThat(pg.channel.isActive()).isTrue();
  }

  @Test
  void binaryParameterOfUnsupportedTypeIs0A000ForThatBind() {
    // point (600): a type distdb has no binary form for.
    EmbeddedPg pg = EmbeddedPg.connected(service);
    ByteBuf body = Unpooled.buffer();
    body.writeBytes(new byte[] {0, 's', 0})
        .writeShort(1)
        .writeShort(1)
        .writeShort(1)
        .writeInt(1)
        .writeByte(1)
        .writeShort(0);
    List<Msg> msgs =
        pg.send(concat(parse("s", "select $1", 600), ClientFrames.frame('B', body), sync()));
    assertThat(types(msgs)).isEqualTo("1EZ");
    assertThat(msgs.get(1).sqlState()).isEqualTo("0A000");
  }

  @Test
  void truncatedBindIsFatal08P01AndCloses() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    ByteBuf body =
        Unpooled.buffer().writeBytes(new byte[] {0, 0}).writeShort(0).writeShort(50).writeInt(4);
    List<Msg> msgs = pg.send(ClientFrames.frame('B', body));
    assertThat(types(msgs)).isEqualTo("E");
    assertThat(msgs.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
    assertThat(pg.channel.isActive()).isFalse();
    assertThat(service.closedSessions.get()).isEqualTo(1);
  }

  @Test
  void unknownMessageTypeIsFatal08P01() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs = pg.send(Unpooled.buffer().writeByte('!').writeInt(4));
    assertThat(msgs.get(0).sqlState()).isEqualTo("08P01");
    assertThat(pg.channel.isActive()).isFalse();
  }

  @Test
  void oneGibLengthPrefixIsFatal08P01() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    List<Msg> msgs = pg.send(Unpooled.buffer().writeByte('Q').writeInt(1 << 30));
    assertThat(msgs.get(0).sqlState()).isEqualTo("08P01");
    assertThat(pg.channel.isActive()).isFalse();
  }

  @Test
  void terminateClosesTheSession() {
    EmbeddedPg pg = EmbeddedPg.connected(service);
    pg.send(
        concat(
            parse("", "select n from five"),
            bind("c", "", new String[0]),
            execute("c", 1),
            ClientFrames.terminate()));
    pg.channel.runPendingTasks();
    assertThat(pg.channel.isActive()).isFalse();
    assertThat(service.closedSessions.get()).isEqualTo(1);
    assertThat(service.closedCursors.get()).isEqualTo(1);
  }
}
