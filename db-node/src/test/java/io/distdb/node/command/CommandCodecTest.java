package io.distdb.node.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Change.SequencePosition;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.StatementTransaction;
import io.distdb.node.command.Command.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.h2.api.Interval;
import org.h2.api.IntervalQualifier;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

  private static final List<Object> EVERY_TYPE =
      Arrays.asList(
          null,
          "text ünïcode",
          42,
          7L,
          (short) 3,
          (byte) -2,
          2.5d,
          1.5f,
          true,
          new byte[] {1, 2, 3},
          new BigDecimal("-12345.678900"),
          LocalDate.of(2024, 2, 29),
          LocalTime.of(13, 45, 1, 500),
          LocalDateTime.of(2024, 1, 31, 23, 59, 59, 123_456_000),
          OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
          OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(-3)),
          UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
          new Interval(IntervalQualifier.DAY_TO_SECOND, true, 3, 7_000_000_000L),
          new Object[] {1, "a", null, new Object[] {2L}});

  @Test
  void databaseCommandsRoundTrip() {
    assertThat(CommandCodec.decode(CommandCodec.encode(new Command.CreateDatabase("shop"), 1)))
        .isEqualTo(new Command.CreateDatabase("shop"));
    assertThat(CommandCodec.decode(CommandCodec.encode(new Command.DropDatabase("Shop"), 1)))
        .isEqualTo(new Command.DropDatabase("Shop"));
  }

  @Test
  void everyEntryCarriesTheEpochItWasWrittenIn() {
    byte[] payload = CommandCodec.encode(new Command.CreateDatabase("shop"), 42);
    assertThat(payload[0]).isEqualTo((byte) CommandCodec.VERSION);
    assertThat(CommandCodec.epochOf(payload)).isEqualTo(42);
    assertThat(
            CommandCodec.epochOf(
                CommandCodec.encode(
                    new Transaction(
                        "db", List.of(new SchemaChange("CREATE TABLE t (a INT)", List.of()))),
                    Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rowImagesWithEveryValueTypeRoundTrip() {
    Object[] row = EVERY_TYPE.toArray();
    RowChanges rows =
        new RowChanges(
            "public",
            "t",
            names(row.length),
            List.of("c0"),
            List.of(
                RowChange.insert(row),
                RowChange.update(new Object[] {"k"}, row),
                RowChange.delete(new Object[] {null})));
    Transaction tx =
        new Transaction(
            "shop",
            List.of(
                rows,
                new SequencePosition("public", "s", null, 17),
                new SequencePosition("public", "t", "id", -3),
                new SchemaChange("TRUNCATE TABLE t", List.of("p"))));

    Transaction back = (Transaction) CommandCodec.decode(CommandCodec.encode(tx, 3));

    assertThat(back.database()).isEqualTo("shop");
    assertThat(back.changes()).hasSize(4);
    RowChanges r = (RowChanges) back.changes().get(0);
    assertThat(r.columns()).isEqualTo(rows.columns());
    assertThat(r.keyColumns()).containsExactly("c0");
    assertThat(r.rows())
        .extracting(RowChange::op)
        .containsExactly(Change.Op.INSERT, Change.Op.UPDATE, Change.Op.DELETE);
    assertThat(r.rows().get(0).row()).isEqualTo(row);
    assertThat(r.rows().get(1).key()).containsExactly("k");
    assertThat(r.rows().get(1).row()).isEqualTo(row);
    assertThat(r.rows().get(2).key()).containsExactly((Object) null);
    assertThat(back.changes().subList(1, 4)).isEqualTo(tx.changes().subList(1, 4));
  }

  @Test
  void stageOneEntriesStillDecode() {
    StatementTransaction legacy =
        new StatementTransaction(
            "shop",
            List.of(
                new SqlStatement("INSERT INTO t VALUES (?1)", List.of(1), false),
                new SqlStatement("CREATE TABLE x (a INT)", List.of(), true).asFailed()),
            true);
    byte[] payload = CommandCodec.encode(legacy, 5);
    assertThat(payload[0]).isEqualTo((byte) 1);
    assertThat(CommandCodec.epochOf(payload)).isZero();
    assertThat(CommandCodec.decode(payload)).isEqualTo(legacy);
    assertThat(CommandCodec.decode(new byte[] {1, 1, 0, 4, 's', 'h', 'o', 'p'}))
        .isEqualTo(new Command.CreateDatabase("shop"));
  }

  @Test
  void oneDecoderForManyEntriesDecodesEachAsWritten() {
    CommandDecoder decoder = new CommandDecoder();
    List<Transaction> entries =
        List.of(
            rowsOf("public", "t", List.of("id", "ñame"), 1),
            rowsOf("public", "t", List.of("id", "ñame"), 2),
            rowsOf("public", "u", List.of("id", "ñame"), 3),
            rowsOf("other", "t", List.of("id", "ñame"), 4),
            rowsOf("public", "t", List.of("id", "name\u0000x"), 5),
            rowsOf("public", "t", List.of("id", "ñame"), 6));
    for (Transaction t : entries) {
      Transaction back = (Transaction) decoder.decode(CommandCodec.encode(t, 1));
      RowChanges expected = (RowChanges) t.changes().get(0);
      RowChanges actual = (RowChanges) back.changes().get(0);
      assertThat(actual.schema()).isEqualTo(expected.schema());
      assertThat(actual.table()).isEqualTo(expected.table());
      assertThat(actual.columns()).isEqualTo(expected.columns());
      assertThat(actual.keyColumns()).isEqualTo(expected.keyColumns());
      assertThat(actual.rows().get(0).row()).containsExactly(expected.rows().get(0).row());
    }
  }

  private static Transaction rowsOf(String schema, String table, List<String> columns, int id) {
    return new Transaction(
        "db",
        List.of(
            new RowChanges(
                schema,
                table,
                columns,
                List.of("id"),
                List.of(RowChange.insert(new Object[] {id, "v" + id})))));
  }

  @Test
  void refusesANewerFormatVersionClearly() {
    byte[] payload = CommandCodec.encode(new Command.CreateDatabase("shop"), 1);
    payload[0] = (byte) (CommandCodec.VERSION + 1);
    assertThatThrownBy(() -> CommandCodec.decode(payload))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining("format version 3 is newer than this node supports")
        .hasMessageContaining("upgrade");
    assertThatThrownBy(() -> CommandCodec.epochOf(payload))
        .isInstanceOf(UnsupportedFormatException.class);
  }

  @Test
  void rejectsGarbageAndTruncation() {
    byte[] good =
        CommandCodec.encode(
            new Transaction(
                "db",
                List.of(
                    new RowChanges(
                        "public",
                        "t",
                        List.of("a"),
                        List.of(),
                        List.of(RowChange.insert(new Object[] {"v"}))))),
            1);
    for (int cut = 0; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> CommandCodec.decode(truncated))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> CommandCodec.decode(new byte[] {0, 1}))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> CommandCodec.decode(new byte[] {1, 77})).hasMessageContaining("kind");
  }

  @Test
  void refusesValueTypesItCannotLog() {
    Transaction tx =
        new Transaction(
            "db",
            List.of(
                new RowChanges(
                    "s",
                    "t",
                    List.of("a"),
                    List.of(),
                    List.of(RowChange.insert(new Object[] {new Object()})))));
    assertThatThrownBy(() -> CommandCodec.encode(tx, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> names(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
  }
}
