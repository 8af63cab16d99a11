package io.distdb.node.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

  @Test
  void databaseCommandsRoundTrip() {
    assertThat(CommandCodec.decode(CommandCodec.encode(new Command.CreateDatabase("shop"))))
        .isEqualTo(new Command.CreateDatabase("shop"));
    assertThat(CommandCodec.decode(CommandCodec.encode(new Command.DropDatabase("Shop"))))
        .isEqualTo(new Command.DropDatabase("Shop"));
  }

  @Test
  void transactionWithEveryParameterTypeRoundTrips() {
    List<Object> params =
        Arrays.asList(
            null,
            "text ünïcode",
            42,
            7L,
            (short) 3,
            2.5d,
            1.5f,
            true,
            new byte[] {1, 2, 3},
            new BigDecimal("-12345.678900"),
            LocalDate.of(2024, 2, 29),
            LocalTime.of(13, 45, 1, 500),
            LocalDateTime.of(2024, 1, 31, 23, 59, 59, 123_456_000),
            OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    Transaction tx =
        new Transaction(
            "shop",
            List.of(
                new SqlStatement("INSERT INTO t VALUES (?1)", params, false),
                new SqlStatement("CREATE TABLE x (a INT)", List.of(), true).asFailed()),
            true);

    Transaction back = (Transaction) CommandCodec.decode(CommandCodec.encode(tx));

    assertThat(back.database()).isEqualTo("shop");
    assertThat(back.rolledBack()).isTrue();
    assertThat(back.statements()).hasSize(2);
    SqlStatement first = back.statements().get(0);
    assertThat(first.sql()).isEqualTo("INSERT INTO t VALUES (?1)");
    assertThat(first.ddl()).isFalse();
    assertThat(first.failed()).isFalse();
    assertThat(first.parameters()).hasSize(params.size());
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) instanceof byte[] b) {
        assertThat((byte[]) first.parameters().get(i)).containsExactly(b);
      } else {
        assertThat(first.parameters().get(i)).isEqualTo(params.get(i));
      }
    }
    assertThat(back.statements().get(1).ddl()).isTrue();
    assertThat(back.statements().get(1).failed()).isTrue();
  }

  @Test
  void longSqlTextRoundTrips() {
    String sql = "SELECT '" + "x".repeat(100_000) + "'";
    Transaction tx = Transaction.committed("db", List.of(new SqlStatement(sql, List.of(), false)));
    assertThat(
            ((Transaction) CommandCodec.decode(CommandCodec.encode(tx))).statements().get(0).sql())
        .isEqualTo(sql);
  }

  @Test
  void rejectsGarbageAndTruncation() {
    byte[] good =
        CommandCodec.encode(
            Transaction.committed(
                "db", List.of(new SqlStatement("INSERT INTO t VALUES (?1)", List.of("v"), false))));
    for (int cut = 0; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> CommandCodec.decode(truncated))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> CommandCodec.decode(new byte[] {9, 1}))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> CommandCodec.decode(new byte[] {1, 77})).hasMessageContaining("kind");
  }

  @Test
  void refusesParameterTypesItCannotLog() {
    Transaction tx =
        Transaction.committed("db", List.of(new SqlStatement("x", List.of(new Object()), false)));
    assertThatThrownBy(() -> CommandCodec.encode(tx)).isInstanceOf(IllegalArgumentException.class);
  }
}
