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

  private static Transaction ddl(String db, String sql) {
    return new Transaction(db, List.of(new SchemaChange(sql, List.of())));
  }

  private static Transaction rows(String db, String table, RowChange... rows) {
    return new Transaction(
        db,
        List.of(new RowChanges("public", table, List.of("id", "v"), List.of("id"), List.of(rows))));
  }

  @Test
  void appliesEachEntryExactlyOnceEvenWhenReplayedTwice() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      List<Command> entries =
          List.of(
              new Command.CreateDatabase("shop"),
              ddl("shop", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"),
              rows("shop", "t", RowChange.insert(new Object[] {1, "a"})),
              rows("shop", "t", RowChange.update(new Object[] {1}, new Object[] {1, "ab"})));
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
      List<Command> log =
          List.of(
              new Command.CreateDatabase("db"),
              ddl("db", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"),
              rows("db", "t", RowChange.insert(new Object[] {1, "a"})),
              rows("db", "t", RowChange.insert(new Object[] {2, "b"})));
      try (CommandApplier applier = new CommandApplier(storage)) {
        for (int i = 0; i < 3; i++) {
          applier.apply(i + 1, log.get(i));
        }
        applier.commitPending();
      }
      try (CommandApplier again = new CommandApplier(storage)) {
        // A restart replays the whole log; nothing may be applied twice, DDL included.
        for (int i = 0; i < log.size(); i++) {
          again.apply(i + 1, log.get(i));
        }
        again.commitPending();
      }
      assertThat(query(storage, "db", "SELECT sum(id) FROM t")).isEqualTo("3");
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
      applier.apply(2, ddl("db", "CREATE TABLE late (x INT)"));
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(2);
    }
  }

  @Test
  void sequencePositionsReachTheEngineAfterTheCommit() throws Exception {
    try (Storage storage = new Storage(dir)) {
      try (CommandApplier applier = new CommandApplier(storage)) {
        applier.apply(1, new Command.CreateDatabase("db"));
        applier.apply(2, ddl("db", "CREATE TABLE s (id SERIAL PRIMARY KEY, v INT)"));
        applier.apply(3, ddl("db", "CREATE SEQUENCE q"));
        applier.apply(
            4,
            new Transaction(
                "db",
                List.of(
                    new SequencePosition("public", "s", "id", 41),
                    new SequencePosition("public", "q", null, 7))));
        applier.commitPending();
      }
      assertThat(query(storage, "db", "SELECT nextval('q')")).isEqualTo("7");
      try (Connection c = storage.connect(new DatabaseName("db"));
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO s (v) VALUES (1)");
      }
      assertThat(query(storage, "db", "SELECT id FROM s")).isEqualTo("41");
    }
  }

  @Test
  void reopeningNeverPullsASequenceBackThatMovedOn() throws Exception {
    try (Storage storage = new Storage(dir)) {
      try (CommandApplier applier = new CommandApplier(storage)) {
        applier.apply(1, new Command.CreateDatabase("db"));
        applier.apply(2, ddl("db", "CREATE SEQUENCE q"));
        applier.apply(
            3, new Transaction("db", List.of(new SequencePosition("public", "q", null, 7))));
        applier.commitPending();
      }
      // A master serving after recovery: its own sequence moves on, nothing is recorded.
      try (Connection c = storage.connect(new DatabaseName("db"));
          Statement s = c.createStatement()) {
        s.execute("ALTER SEQUENCE q RESTART WITH 50");
      }
      try (CommandApplier again = new CommandApplier(storage)) {
        again.apply(4, ddl("db", "CREATE TABLE x (a INT)"));
        again.commitPending();
      }
      assertThat(query(storage, "db", "SELECT nextval('q')")).isEqualTo("50");
    }
  }

  @Test
  void aDeleteThatFindsNoRowStopsTheApplyLoudly() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      applier.apply(2, ddl("db", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"));
      assertThatThrownBy(
              () -> applier.apply(3, rows("db", "t", RowChange.delete(new Object[] {9}))))
          .isInstanceOf(ApplyException.class)
          .hasMessageContaining("log entry 3")
          .hasMessageContaining("not found");
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(2);
    }
  }

  @Test
  void insertsHeldBackAcrossEntriesFailAtTheEntryWhoseRowCollided() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      applier.apply(2, ddl("db", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"));
      applier.apply(3, rows("db", "t", RowChange.insert(new Object[] {1, "a"})));
      applier.apply(4, rows("db", "t", RowChange.insert(new Object[] {2, "b"})));
      applier.apply(5, rows("db", "t", RowChange.insert(new Object[] {1, "c"})));
      applier.apply(6, rows("db", "t", RowChange.insert(new Object[] {3, "d"})));
      assertThatThrownBy(applier::commitPending)
          .isInstanceOf(ApplyException.class)
          .hasMessageContaining("log entry 5")
          .satisfies(e -> assertThat(((ApplyException) e).lsn()).isEqualTo(5));
      // Nothing of the run committed: the applied LSN still covers exactly the stored rows.
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(2);
      assertThat(query(storage, "db", "SELECT count(*) FROM t")).isEqualTo("0");
    }
  }

  @Test
  void insertsHeldBackGoInBeforeADeleteOfTheSameRowsAndBeforeTheCommit() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      applier.apply(2, ddl("db", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"));
      for (int i = 0; i < 3 * RowApplier.MAX_PENDING_ROWS + 5; i++) {
        applier.apply(3 + i, rows("db", "t", RowChange.insert(new Object[] {i, "v" + i})));
      }
      long next = 3 + 3 * RowApplier.MAX_PENDING_ROWS + 5;
      applier.apply(next, rows("db", "t", RowChange.delete(new Object[] {7})));
      applier.apply(
          next + 1,
          rows("db", "t", RowChange.update(new Object[] {8}, new Object[] {-8, "moved"})));
      applier.commitPending();
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(next + 1);
      assertThat(query(storage, "db", "SELECT count(*) FROM t"))
          .isEqualTo(String.valueOf(3 * RowApplier.MAX_PENDING_ROWS + 4));
      assertThat(query(storage, "db", "SELECT v FROM t WHERE id = -8")).isEqualTo("moved");
      assertThat(query(storage, "db", "SELECT count(*) FROM t WHERE id IN (7, 8)")).isEqualTo("0");
    }
  }

  @Test
  void stageOneStatementEntriesStillReplay() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      applier.apply(
          2,
          new StatementTransaction(
              "db",
              List.of(
                  new SqlStatement(
                      "CREATE TABLE s (id SERIAL PRIMARY KEY, v INT NOT NULL)", List.of(), true)),
              false));
      applier.apply(
          3,
          new StatementTransaction(
              "db",
              List.of(
                  new SqlStatement("INSERT INTO s (v) VALUES (1)", List.of(), false),
                  new SqlStatement("INSERT INTO s (v) VALUES (NULL)", List.of(), false).asFailed()),
              true));
      applier.apply(
          4,
          new StatementTransaction(
              "db",
              List.of(new SqlStatement("INSERT INTO s (v) VALUES (?1)", List.of(2), false)),
              false));
      applier.commitPending();
      assertThat(query(storage, "db", "SELECT count(*) FROM s")).isEqualTo("1");
      assertThat(query(storage, "db", "SELECT id FROM s")).isEqualTo("3");
    }
  }

  @Test
  void dropAndRecreateReplaysToTheNewestIncarnation() throws Exception {
    try (Storage storage = new Storage(dir)) {
      List<Command> log =
          List.of(
              new Command.CreateDatabase("db"),
              ddl("db", "CREATE TABLE old (x INT)"),
              new Command.DropDatabase("db"),
              new Command.CreateDatabase("db"),
              ddl("db", "CREATE TABLE fresh (x INT)"));
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
  void anEntryForAMissingTableIsReported() throws Exception {
    try (Storage storage = new Storage(dir);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(1, new Command.CreateDatabase("db"));
      assertThatThrownBy(
              () ->
                  applier.apply(2, rows("db", "missing", RowChange.insert(new Object[] {1, "a"}))))
          .isInstanceOf(ApplyException.class)
          .hasMessageContaining("log entry 2");
      assertThat(storage.appliedLsn(new DatabaseName("db"))).isEqualTo(1);
    }
  }

  static String query(Storage storage, String db, String sql) throws Exception {
    try (Connection c = storage.connect(new DatabaseName(db));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
