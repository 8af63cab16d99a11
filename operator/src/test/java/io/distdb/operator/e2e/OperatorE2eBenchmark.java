package io.distdb.operator.e2e;

import io.distdb.operator.health.HealingPolicy;
import io.distdb.operator.naming.ResourceNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks from the end-to-end harness at DEFAULT settings (health checks every 5 s, 3 failed
 * polls, 10 s node-lost grace, the operator's own reschedule limits): CR apply → Ready, and per
 * failure class the time from the fault until the database is Ready again and the affected slave
 * has applied everything the master had after {@code distdb.bench.rows} rows were written during
 * the outage. A fresh cluster per run, so no reschedule budget or backoff carries over. Not a test
 * (no *Test/*IT suffix): {@code bench/run-operator-e2e.sh} runs it.
 */
class OperatorE2eBenchmark {

  private static final String DB = "shop";
  private static final ResourceNames N = ResourceNames.of(DB, E2eHarness.NAMESPACE);
  private static final int RUNS = Integer.getInteger("distdb.bench.runs", 5);
  private static final int ROWS = Integer.getInteger("distdb.bench.rows", 100_000);
  private static final int ROWS_PER_INSERT = 100;
  private static final List<String> FAULTS =
      List.of("process crash (kill -9)", "node lost", "volume lost");

  /** A comma-separated subset of {kill9, nodelost, volumelost}; all three when unset. */
  private static final String ONLY = System.getProperty("distdb.bench.faults", "");

  @TempDir Path tmp;

  private final List<Long> applyToReady = new ArrayList<>();
  private final Map<String, List<long[]>> recoveries = new LinkedHashMap<>();

  @Test
  void run() throws Exception {
    Path jar = E2eHarness.nodeJar().orElseThrow(() -> new IllegalStateException("no db-node jar"));
    for (String fault : FAULTS.stream().filter(OperatorE2eBenchmark::chosen).toList()) {
      for (int run = 0; run < RUNS; run++) {
        Path root = Files.createDirectories(tmp.resolve(fault.replaceAll("\\W", "") + run));
        try (E2eHarness h = new E2eHarness(jar, root, HealingPolicy.DEFAULT, 5)) {
          long start = System.nanoTime();
          h.applyWithDefaults(DB, 2);
          h.awaitReady(DB, Duration.ofMinutes(3));
          applyToReady.add(millisSince(start));
          try (Connection c = h.connect(DB, N.readWriteService())) {
            c.createStatement().execute("CREATE TABLE bench (id BIGINT PRIMARY KEY, v TEXT)");
          }
          long[] r = recover(h, fault);
          recoveries.computeIfAbsent(fault, f -> new ArrayList<>()).add(r);
          System.out.printf(
              "bench: %s run %d: ready %d ms, caught up %d ms, %d rows written in %d ms%n",
              fault, run, r[0], r[1], ROWS, r[2]);
        }
      }
    }
    String report = report();
    System.out.println(report);
    Files.writeString(Path.of("target", "operator-e2e-bench.md"), report);
  }

  private static boolean chosen(String fault) {
    String key = fault.startsWith("process") ? "kill9" : fault.replace(" ", "");
    return ONLY.isBlank() || List.of(ONLY.split(",")).contains(key);
  }

  /** Injects the fault, writes meanwhile; {ready ms, caught-up ms, writing ms}. */
  private long[] recover(E2eHarness h, String fault) throws Exception {
    String pod = N.slavePod(0);
    String uid = h.uid(pod);
    long start = System.nanoTime();
    switch (fault) {
      case "process crash (kill -9)" -> h.k8s.kill9(pod);
      case "node lost" -> h.k8s.powerOff(h.k8s.machineOf(pod));
      case "volume lost" -> h.k8s.loseVolume(pod);
      default -> throw new IllegalArgumentException(fault);
    }
    long writing = write(h);
    boolean replaced = !fault.startsWith("process");
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> (!replaced || !h.uid(pod).equals(uid)) && h.ready(DB));
    long ready = millisSince(start);
    long masterLsn = h.status(DB, N.masterPod()).lastLsn();
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> h.status(DB, pod).appliedLsn() >= masterLsn);
    return new long[] {ready, millisSince(start), writing};
  }

  /** Writes ROWS rows through shop-rw in multi-row INSERTs; returns how long it took. */
  private static long write(E2eHarness h) throws Exception {
    long start = System.nanoTime();
    StringBuilder sql = new StringBuilder("INSERT INTO bench VALUES ");
    for (int i = 0; i < ROWS_PER_INSERT; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, 'row')");
    }
    try (Connection c = h.connect(DB, N.readWriteService());
        PreparedStatement insert = c.prepareStatement(sql.toString())) {
      for (int id = 0; id < ROWS; id += ROWS_PER_INSERT) {
        for (int i = 0; i < ROWS_PER_INSERT; i++) {
          insert.setLong(i + 1, id + i);
        }
        insert.executeUpdate();
      }
    }
    return millisSince(start);
  }

  private String report() {
    StringBuilder b = new StringBuilder();
    b.append("| measurement | runs | p50 | p95 |\n|---|---|---|---|\n");
    b.append(row("CR apply → Ready (2 slaves)", applyToReady));
    recoveries.forEach(
        (fault, runs) -> {
          b.append(row(fault + ": fault → Ready", runs.stream().map(r -> r[0]).toList()));
          b.append(row(fault + ": fault → slave caught up", runs.stream().map(r -> r[1]).toList()));
          b.append(
              row(
                  fault + ": writing " + ROWS + " rows meanwhile",
                  runs.stream().map(r -> r[2]).toList()));
        });
    return b.toString();
  }

  private static String row(String what, List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return String.format(
        "| %s | %d | %.1f s | %.1f s |%n",
        what, sorted.size(), percentile(sorted, 50) / 1000.0, percentile(sorted, 95) / 1000.0);
  }

  /** Nearest-rank percentile. */
  static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
