package io.distdb.node.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandApplierTest {

  @TempDir Path dir;

  private static SqlStatement sql(String text, Object... params) {
    return new SqlStatement(text, List.of(params), false);
  }

  @Test
  void appliesEachEntryExactlyOnceEvenWhenReplayedTwice() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      List<Command> entries =
          List.of(
              new Command.CreateDatabase("shop"),
              Transaction.committed(
                  "shop",
                  List.of(
                      new SqlStatement(
                          "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)", List.of(), true))),
              Transaction.committed("shop", List.of(sql("INSERT INTO t VALUES (?1, ?2)", 1, "a"))),
              Transaction.committed("shop", List.of(sql("UPDATE t SET v = v || 'b'"))));
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < entries.size(); i++) {
          applier.apply(i + 1, entries.get(i));
        }
      }
      applier.commitPending();
      assertThat(query(storage, "shop", "SELECT v FROM t")).isEqualTo("ab");
      assertThat(storage.appliedLsn(new DatabaseName("shop"))).isEqualTo(4);
    }
  }

  @Test
  void freshApplierSkipsWhatStorageAlreadyHas() throws Exception {
    try (Storage storage = new Storage(dir)) {
      try (CommandApplier applier = new CommandApplier(storage)) {
        applier.apply(1, new Command.CreateDatabase("db"));
        applier.apply(
            2,
            Transaction.committed(
                "db", List.of(new SqlStatement("CREATE TABLE c (n INT)", List.of(), true))));
        applier.apply(3, Transaction.committed("db", List.of(sql("INSERT INTO c VALUES (1)"))));
        applier.commitPending();
      }
      try (CommandApplier again = new CommandApplier(storage)) {
        // A restart replays the whole log; nothing may be applied twice, DDL included.
        again.apply(1, new Command.CreateDatabase("db"));
        again.apply(
            2,
            Transaction.committed(
                "db", List.of(new SqlStatement("CREATE TABLE c (n INT)", List.of(), true))));
        again.apply(3, Transaction.committed("db", List.of(sql("INSERT INTO c VALUES (1)"))));
        again.apply(4, Transaction.committed("db", List.of(sql("INSERT INTO c VALUES (2)"))));
        again.commitPending();
      }
      assertThat(query(storage, "db", "SELECT sum(n) FROM c")).isEqualTo("3");
    }
  }

  @Test
  void replayedDdlThatAlreadyTookEffectIsSkipped() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      try (Connection c = storage.connect(new DatabaseName("db"));
          Statement s = c.createStatement()) {
        // The engine committed the DDL, then the node died before recording its LSN.
        s.execute("CREATE TABLE late (x INT)");
      }
      applier.apply(
          2,
          Transaction.committed(
              "db", List.of(new SqlStatement("CREATE TABLE late (x INT)", List.of(), true))));
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(2);
    }
  }

  @Test
  void rolledBackEntryAdvancesSequencesButLeavesNoRows() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      applier.apply(
          2,
          Transaction.committed(
              "db",
              List.of(
                  new SqlStatement(
                      "CREATE TABLE s (id SERIAL PRIMARY KEY, v INT NOT NULL)", List.of(), true))));
      applier.apply(
          3,
          new Transaction(
              "db",
              List.of(
                  sql("INSERT INTO s (v) VALUES (1)"),
                  sql("INSERT INTO s (v) VALUES (NULL)").asFailed()),
              true));
      applier.apply(4, Transaction.committed("db", List.of(sql("INSERT INTO s (v) VALUES (2)"))));
      applier.commitPending();
      assertThat(query(storage, "db", "SELECT count(*) FROM s")).isEqualTo("1");
      // The master's sequence moved past 1 and 2 in the rolled-back transaction.
      assertThat(query(storage, "db", "SELECT id FROM s")).isEqualTo("3");
    }
  }

  @Test
  void dropAndRecreateReplaysToTheNewestIncarnation() throws Exception {
    try (Storage storage = new Storage(dir)) {
      List<Command> log =
          List.of(
              new Command.CreateDatabase("db"),
              Transaction.committed(
                  "db", List.of(new SqlStatement("CREATE TABLE old (x INT)", List.of(), true))),
              new Command.DropDatabase("db"),
              new Command.CreateDatabase("db"),
              Transaction.committed(
                  "db", List.of(new SqlStatement("CREATE TABLE fresh (x INT)", List.of(), true))));
      for (int round = 0; round < 2; round++) {
        try (CommandApplier applier = new CommandApplier(storage)) {
          for (int i = 0; i < log.size(); i++) {
            applier.apply(i + 1, log.get(i));
          }
          applier.commitPending();
        }
      }
      assertThat(
              query(
                  storage,
                  "db",
                  "SELECT count(*) FROM information_schema.tables"
                      + " WHERE table_name IN ('old', 'fresh')"))
          .isEqualTo("1");
    }
  }

  @Test
  void failureOfAStatementThatSucceededOnTheMasterIsReported() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      assertThatThrownBy(
              () ->
                  applier.apply(
                      2,
                      Transaction.committed("db", List.of(sql("INSERT INTO missing VALUES (1)")))))
          .isInstanceOf(ApplyException.class)
          .hasMessageContaining("log entry 2");
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(1);
    }
  }

  private static String query(Storage storage, String db, String sql) throws Exception {
    try (Connection c = storage.connect(new DatabaseName(db));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
