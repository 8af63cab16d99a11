package io.distdb.node.command;

import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.StatementTransaction;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.CaptureBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Row-change replication against stage-1 statement replay, in one process (not a unit test, not run
 * by the build): the apply side of a slave catching up, a bulk UPDATE, and the master's capture
 * cost per single-row INSERT. Run with the test classpath:
 *
 * <pre>
 * mvn -q -o -pl db-node -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * mvn -q -o -pl db-node -am test-compile
 * java -cp db-node/target/test-classes:db-node/target/classes:$(cat /tmp/cp.txt) \
 *     io.distdb.node.command.ApplyBench [entries] [all|catchup|images|bulk|capture]
 * </pre>
 *
 * {@code images} replays only the row-image entries, {@code catchup} also the stage-1 statements.
 */
public final class ApplyBench {

  private static final String HISTORY =
      "CREATE TABLE bench_history (id BIGINT PRIMARY KEY, aid INT NOT NULL, delta INT NOT NULL,"
          + " note VARCHAR(22))";
  private static final String ACCOUNTS =
      "CREATE TABLE bench_accounts (aid INT PRIMARY KEY, bid INT NOT NULL, abalance INT NOT NULL,"
          + " filler VARCHAR(84))";

  private ApplyBench() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Path dir = Files.createTempDirectory("applybench");
    String only = args.length > 1 ? args[1] : "all";
    if (only.equals("all") || only.equals("catchup")) {
      catchUp(dir.resolve("before"), entries, false);
      catchUp(dir.resolve("after"), entries, true);
    }
    if (only.equals("images")) {
      catchUp(dir.resolve("after"), entries, true);
    }
    if (only.equals("all") || only.equals("bulk")) {
      bulkUpdate(dir.resolve("bulk"), 100_000);
    }
    if (only.equals("all") || only.equals("capture")) {
      captureCost(dir.resolve("capture"), 50_000);
    }
  }

  /** Replays {@code n} single-row INSERT entries the way a slave catching up applies them. */
  private static void catchUp(Path dir, int n, boolean rows) throws Exception {
    Random random = new Random(1);
    try (ReplicationLog log =
        ReplicationLog.open(dir.resolve("log"), new LogOptions(64 << 20, false))) {
      log.append(CommandCodec.encode(new Command.CreateDatabase("db"), 1));
      log.append(
          CommandCodec.encode(
              rows
                  ? new Transaction("db", List.of(new SchemaChange(HISTORY, List.of())))
                  : new StatementTransaction(
                      "db", List.of(new SqlStatement(HISTORY, List.of(), true)), false),
              1));
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long id = random.nextLong() & Long.MAX_VALUE;
        int aid = 1 + random.nextInt(100_000);
        int delta = random.nextInt(10_001) - 5_000;
        Command c =
            rows
                ? new Transaction(
                    "db",
                    List.of(
                        new RowChanges(
                            "public",
                            "bench_history",
                            List.of("id", "aid", "delta", "note"),
                            List.of("id"),
                            List.of(RowChange.insert(new Object[] {id, aid, delta, "pgbench"})))))
                // What pgbench's simple protocol made stage 1 log: the literal text.
                : new StatementTransaction(
                    "db",
                    List.of(
                        new SqlStatement(
                            "INSERT INTO bench_history (id, aid, delta, note) VALUES ("
                                + id
                                + ", "
                                + aid
                                + ", "
                                + delta
                                + ", 'pgbench')",
                            List.of(),
                            false)),
                    false);
        batch.add(CommandCodec.encode(c, 1));
        if (batch.size() == 1000) {
          log.appendAll(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        log.appendAll(batch);
      }
      log.awaitDurable(log.lastLsn());
      long bytes = log.sizeBytes();
      try (Storage storage = new Storage(dir.resolve("db"));
          CommandApplier applier = new CommandApplier(storage)) {
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        LogReplay.replay(log, storage, applier, 0);
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "catch-up %-22s %,d entries, %.1f MB of log, %.2f s wall: %.1f MB/s, %,.0f entries/s;"
                + " %.2f s CPU: %.1f MB per CPU-second, %.1f µs CPU per entry; %.1f bytes/entry%n",
            rows ? "row images:" : "statements (stage 1):",
            n,
            bytes / 1e6,
            s,
            bytes / 1e6 / s,
            n / s,
            cpu,
            bytes / 1e6 / cpu,
            cpu * 1e6 / n,
            (double) bytes / n);
      }
    }
  }

  /** One UPDATE of every row: what it logs, and what applying it costs a slave. */
  private static void bulkUpdate(Path dir, int n) throws Exception {
    DatabaseName db = new DatabaseName("db");
    try (Storage master = new Storage(dir.resolve("master"));
        Storage before = new Storage(dir.resolve("before"));
        Storage after = new Storage(dir.resolve("after"))) {
      for (Storage s : List.of(master, before, after)) {
        s.create(db, 1);
        try (Connection c = s.connect(db, EngineUser.WRITER)) {
          try (Statement st = c.createStatement()) {
            st.execute(ACCOUNTS);
          }
          c.setAutoCommit(false);
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO bench_accounts VALUES (?, 1, 0, ?)")) {
            for (int i = 1; i <= n; i++) {
              ps.setInt(1, i);
              ps.setString(2, "f".repeat(84));
              ps.addBatch();
              if (i % 1000 == 0) {
                ps.executeBatch();
              }
            }
          }
          c.commit();
        }
        s.afterSchemaChange(db);
      }
      String sql = "UPDATE bench_accounts SET abalance = abalance + 1";
      Transaction entry;
      long captureStart = System.nanoTime();
      try (Connection c = master.connect(db, EngineUser.WRITER)) {
        c.setAutoCommit(false);
        ChangeRecorder recorder = new ChangeRecorder();
        CaptureBuffer buffer = new CaptureBuffer();
        try (CaptureBuffer.Scope ignored = buffer.activate();
            Statement st = c.createStatement()) {
          st.executeUpdate(sql);
        }
        entry = new Transaction("db", recorder.rowChanges(c, buffer.drain()));
        c.commit();
      }
      double captureS = (System.nanoTime() - captureStart) / 1e9;
      byte[] rowBytes = CommandCodec.encode(entry, 1);
      StatementTransaction statement =
          new StatementTransaction("db", List.of(new SqlStatement(sql, List.of(), false)), false);
      byte[] statementBytes = CommandCodec.encode(statement, 1);
      double beforeS = time(before, CommandCodec.decode(statementBytes));
      double afterS = time(after, CommandCodec.decode(rowBytes));
      System.out.printf(
          Locale.ROOT,
          "bulk UPDATE of %,d rows: statement entry %,d bytes, applied in %.2f s;"
              + " row-image entry %,d bytes (master: execute + capture %.2f s), applied in %.2f s%n",
          n,
          statementBytes.length,
          beforeS,
          rowBytes.length,
          captureS,
          afterS);
    }
  }

  /** CPU time of the whole process (the engine's background threads included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double time(Storage storage, Command command) throws Exception {
    try (CommandApplier applier = new CommandApplier(storage)) {
      long start = System.nanoTime();
      applier.apply(2, command);
      applier.commitPending();
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** µs per single-row INSERT on the master: plain, and with the trigger, buffer and encoding. */
  private static void captureCost(Path dir, int n) throws Exception {
    DatabaseName db = new DatabaseName("db");
    try (Storage storage = new Storage(dir)) {
      storage.create(db, 1);
      try (Connection c = storage.connect(db, EngineUser.WRITER)) {
        try (Statement st = c.createStatement()) {
          st.execute(HISTORY.replace("bench_history", "captured"));
        }
        storage.afterSchemaChange(db);
        try (Statement st = c.createStatement()) {
          st.execute(HISTORY.replace("bench_history", "plain"));
        }
        c.setAutoCommit(false);
        for (int round = 0; round < 3; round++) {
          double plain = inserts(c, "plain", n, round, null);
          double captured = inserts(c, "captured", n, round, new ChangeRecorder());
          System.out.printf(
              Locale.ROOT,
              "single-row INSERT (round %d): %.2f µs plain, %.2f µs with capture + row image +"
                  + " encoding: +%.2f µs%n",
              round,
              plain,
              captured,
              captured - plain);
        }
      }
    }
  }

  private static double inserts(
      Connection c, String table, int n, int round, ChangeRecorder recorder) throws Exception {
    CaptureBuffer buffer = new CaptureBuffer();
    long bytes = 0;
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, 'pgbench')")) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        ps.setLong(1, (long) round * n + i);
        ps.setInt(2, i);
        ps.setInt(3, -i);
        if (recorder == null) {
          ps.executeUpdate();
        } else {
          try (CaptureBuffer.Scope ignored = buffer.activate()) {
            ps.executeUpdate();
          }
          List<Change> changes = new ArrayList<>(recorder.rowChanges(c, buffer.drain()));
          changes.addAll(recorder.sequenceMoves(c));
          bytes += CommandCodec.encode(new Transaction("db", changes), 1).length;
        }
        if (i % 100 == 99) {
          c.commit();
        }
      }
      c.commit();
      return (System.nanoTime() - start) / 1e3 / n + (bytes < 0 ? 1 : 0);
    }
  }
}
