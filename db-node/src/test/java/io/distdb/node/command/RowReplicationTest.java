package io.distdb.node.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.storage.DatabaseChecksum;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.CaptureBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture on a "master" storage, the log codec, and the applier on a "replica" storage, end to end
 * without a node: what the engine changed must arrive exactly, whatever SQL changed it.
 */
class RowReplicationTest {

  private static final DatabaseName DB = new DatabaseName("db");

  @TempDir Path dir;
  private Storage master;
  private Storage replica;
  private Connection c;
  private CommandApplier applier;
  private final ChangeRecorder recorder = new ChangeRecorder();
  private final List<Command> shipped = new ArrayList<>();
  private long lsn;

  @BeforeEach
  void start() throws Exception {
    master = new Storage(dir.resolve("master"));
    replica = new Storage(dir.resolve("replica"));
    applier = new CommandApplier(replica);
    master.create(DB, 1);
    applier.apply(++lsn, new Command.CreateDatabase("db"));
    c = master.connect(DB, EngineUser.WRITER);
    c.setAutoCommit(false);
    recorder.schemaChanged(c);
  }

  @AfterEach
  void stop() throws Exception {
    c.close();
    applier.close();
    master.close();
    replica.close();
  }

  @Test
  void nondeterministicDefaultsAndExpressionsArriveAsTheMasterComputedThem() throws Exception {
    ddl(
        "CREATE TABLE ev (id UUID DEFAULT gen_random_uuid() PRIMARY KEY,"
            + " at TIMESTAMP WITH TIME ZONE DEFAULT now(), made TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
            + " r DOUBLE PRECISION)");
    tx("INSERT INTO ev (r) VALUES (random()), (random())", "INSERT INTO ev (r) VALUES (1)");
    tx("UPDATE ev SET r = random(), at = CURRENT_TIMESTAMP WHERE r < 2");
    assertSame();
    assertThat(CommandApplierTest.query(replica, "db", "SELECT count(DISTINCT id) FROM ev"))
        .isEqualTo("3");
  }

  @Test
  void cascadesAndSetNullAreCapturedAndNotRepeated() throws Exception {
    ddl("CREATE TABLE parent (id INT PRIMARY KEY)");
    ddl(
        "CREATE TABLE child (id INT PRIMARY KEY, p INT REFERENCES parent (id) ON DELETE CASCADE,"
            + " q INT REFERENCES parent (id) ON DELETE SET NULL)");
    tx(
        "INSERT INTO parent VALUES (1), (2), (3)",
        "INSERT INTO child VALUES (10, 1, 2), (11, 2, 3), (12, 3, 1)");
    tx("DELETE FROM parent WHERE id = 1");
    assertThat(count("child")).isEqualTo(2);
    tx("DELETE FROM parent WHERE id = 3");
    assertSame();
    assertThat(
            CommandApplierTest.query(replica, "db", "SELECT count(*) FROM child WHERE q IS NULL"))
        .isEqualTo("1");
  }

  @Test
  void tablesWithoutPrimaryKeyKeepTheirDuplicates() throws Exception {
    ddl("CREATE TABLE bag (a INT, b TEXT)");
    tx("INSERT INTO bag VALUES (1, 'x'), (1, 'x'), (1, 'x'), (2, NULL)");
    tx("UPDATE bag SET b = 'y' WHERE a = 1 AND _ROWID_ = (SELECT min(_ROWID_) FROM bag)");
    tx("DELETE FROM bag WHERE a = 2");
    tx("UPDATE bag SET a = a + 10");
    assertSame();
    assertThat(CommandApplierTest.query(replica, "db", "SELECT count(*) FROM bag WHERE b = 'x'"))
        .isEqualTo("2");
  }

  @Test
  void upsertsAndKeySwapsWithinOneStatement() throws Exception {
    ddl("CREATE TABLE kv (k INT PRIMARY KEY, v TEXT, n INT UNIQUE)");
    tx("INSERT INTO kv VALUES (1, 'a', 1), (2, 'b', 2)");
    tx(
        "MERGE INTO kv USING (VALUES (2, 'B'), (3, 'c')) AS x(k, v) ON kv.k = x.k"
            + " WHEN MATCHED THEN UPDATE SET v = x.v WHEN NOT MATCHED THEN INSERT VALUES (x.k, x.v, x.k)");
    tx("UPDATE kv SET n = 4 - n");
    tx("UPDATE kv SET k = 4 - k");
    assertSame();
  }

  @Test
  void rolledBackSavepointsLeaveNoRowsButSequencesStillMatch() throws Exception {
    ddl("CREATE TABLE s (id SERIAL PRIMARY KEY, v INT)");
    ddl("CREATE SEQUENCE q");
    tx(
        "INSERT INTO s (v) VALUES (1)",
        "SAVEPOINT a",
        "INSERT INTO s (v) VALUES (2), (3)",
        "SELECT nextval('q')",
        "ROLLBACK TO a",
        "INSERT INTO s (v) VALUES (4)");
    txRolledBack("INSERT INTO s (v) VALUES (5)", "SELECT nextval('q')");
    assertSame();
    assertThat(count("s")).isEqualTo(2);
    // The next values handed out agree too.
    applier.close();
    applier = new CommandApplier(replica);
    assertThat(CommandApplierTest.query(replica, "db", "SELECT nextval('q')"))
        .isEqualTo(CommandApplierTest.query(master, "db", "SELECT nextval('q')"));
    for (Storage side : List.of(replica, master)) {
      try (Connection r = side.connect(DB);
          Statement st = r.createStatement()) {
        st.execute("INSERT INTO s (v) VALUES (9)");
      }
    }
    assertThat(CommandApplierTest.query(replica, "db", "SELECT max(id) FROM s"))
        .isEqualTo(CommandApplierTest.query(master, "db", "SELECT max(id) FROM s"));
  }

  @Test
  void setvalAndNextvalOnSerialAndSequenceObjectsMoveTheReplicasToo() throws Exception {
    ddl("CREATE TABLE s (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v INT)");
    ddl("CREATE SEQUENCE q");
    tx(
        "INSERT INTO s (v) VALUES (1)",
        "SELECT distdb_catalog.d_setval('s_id_seq', 100)",
        "INSERT INTO s (v) VALUES (2)",
        "SELECT distdb_catalog.d_nextval('public.s_id_seq')",
        "SELECT distdb_catalog.d_setval('q', 41, FALSE)");
    assertSame();
    assertThat(CommandApplierTest.query(master, "db", "SELECT max(id) FROM s")).isEqualTo("101");
    applier.close();
    applier = new CommandApplier(replica);
    for (Storage side : List.of(replica, master)) {
      try (Connection r = side.connect(DB);
          Statement st = r.createStatement()) {
        st.execute("INSERT INTO s (v) VALUES (3)");
      }
    }
    assertThat(CommandApplierTest.query(replica, "db", "SELECT max(id) FROM s")).isEqualTo("103");
    assertThat(CommandApplierTest.query(master, "db", "SELECT max(id) FROM s")).isEqualTo("103");
    assertThat(CommandApplierTest.query(replica, "db", "SELECT nextval('q')")).isEqualTo("41");
  }

  @Test
  void truncateTravelsAsAStatement() throws Exception {
    ddl("CREATE TABLE t (id INT PRIMARY KEY)");
    tx("INSERT INTO t VALUES (1), (2)");
    ddl("TRUNCATE TABLE t");
    tx("INSERT INTO t VALUES (3)");
    assertSame();
    assertThat(shipped.get(shipped.size() - 2))
        .isEqualTo(new Transaction("db", List.of(new SchemaChange("TRUNCATE TABLE t", List.of()))));
  }

  @Test
  void aStatementThatChangedNothingLogsNothing() throws Exception {
    ddl("CREATE TABLE t (id INT PRIMARY KEY)");
    int before = shipped.size();
    tx("UPDATE t SET id = 2 WHERE id = 1");
    assertThat(shipped).hasSize(before);
  }

  @Test
  void valueTypesSurviveTheTrip() throws Exception {
    ddl(
        "CREATE TABLE ty (id INT PRIMARY KEY, n NUMERIC(20, 5), d DATE, t TIME, ts TIMESTAMP,"
            + " tz TIMESTAMP WITH TIME ZONE, b BYTEA, j JSON, a INT ARRAY, i INTERVAL DAY TO SECOND,"
            + " tt TEXT, bo BOOLEAN, sm SMALLINT, re REAL, c CLOB, g INT GENERATED ALWAYS AS (id * 2))");
    tx(
        "INSERT INTO ty (id, n, d, t, ts, tz, b, j, a, i, tt, bo, sm, re, c) VALUES (1, 12.5, DATE"
            + " '2024-02-29', TIME '10:11:12', TIMESTAMP '2024-01-01 00:00:01.5', TIMESTAMP WITH TIME"
            + " ZONE '2024-01-01 00:00:00+02', X'0102', JSON '{\"a\": [1, 2]}', ARRAY[1, NULL, 3],"
            + " INTERVAL '1 02:03:04' DAY TO SECOND, 'text', TRUE, 7, 1.25, 'clob')");
    tx("UPDATE ty SET tt = 'new' WHERE id = 1");
    assertSame();
  }

  private int count(String table) throws Exception {
    return Integer.parseInt(
        CommandApplierTest.query(replica, "db", "SELECT count(*) FROM " + table));
  }

  private void assertSame() {
    assertThat(DatabaseChecksum.compute(replica, DB).checksum())
        .isEqualTo(DatabaseChecksum.compute(master, DB).checksum());
  }

  private void ddl(String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    c.commit();
    master.afterSchemaChange(DB);
    recorder.schemaChanged(c);
    ship(new Transaction("db", List.of(new SchemaChange(sql, List.of()))));
  }

  private void tx(String... statements) throws Exception {
    List<Change> changes = run(statements);
    c.commit();
    if (!changes.isEmpty()) {
      ship(new Transaction("db", changes));
    }
  }

  private void txRolledBack(String... statements) throws Exception {
    List<Change> moved =
        run(statements).stream().filter(ch -> ch instanceof Change.SequencePosition).toList();
    c.rollback();
    assertThat(moved).isNotEmpty();
    ship(new Transaction("db", moved));
  }

  /** What a transaction block does: capture per statement, cut back on ROLLBACK TO. */
  private List<Change> run(String... statements) throws SQLException {
    CaptureBuffer buffer = new CaptureBuffer();
    Map<String, Savepoint> savepoints = new HashMap<>();
    Map<String, Integer> marks = new HashMap<>();
    for (String sql : statements) {
      if (sql.startsWith("SAVEPOINT ")) {
        String name = sql.substring(10);
        savepoints.put(name, c.setSavepoint(name));
        marks.put(name, buffer.mark());
      } else if (sql.startsWith("ROLLBACK TO ")) {
        String name = sql.substring(12);
        c.rollback(savepoints.get(name));
        buffer.rollbackTo(marks.get(name));
      } else {
        try (CaptureBuffer.Scope ignored = buffer.activate();
            Statement s = c.createStatement()) {
          s.execute(sql);
        }
      }
    }
    List<Change> changes = new ArrayList<>(recorder.rowChanges(c, buffer.drain()));
    changes.addAll(recorder.sequenceMoves(c));
    return changes;
  }

  private void ship(Command command) throws Exception {
    byte[] payload = CommandCodec.encode(command, 1);
    Command decoded = CommandCodec.decode(payload);
    shipped.add(decoded);
    applier.apply(++lsn, decoded);
    applier.commitPending();
  }
}
