// Replication lag probe: one process, one clock.
//
//   java -cp postgresql-42.7.14.jar bench/tools/LagProbe.java \
//     --primary PORT --replica NAME=PORT [--replica NAME=PORT ...] --password-file F \
//     [--user distdb] [--database distdb] [--duration-s 20] [--interval-ms 50] \
//     [--distdb-status http://127.0.0.1:ADMIN/status] [--pg-stat] --out DIR
//
// Every --interval-ms it inserts a marker row (seq, client wall clock as a bind parameter) into
// lag_probe on the primary (autocommit) and notes System.nanoTime() when the commit is
// acknowledged. One poller thread per replica runs "SELECT max(seq) FROM lag_probe" about every
// millisecond; a marker's lag on that replica is (the nanoTime at which a poll first returned a
// max(seq) >= its seq) - (its acknowledgement nanoTime). Markers are committed in order and
// replicas apply in log order, so max(seq) >= s means s is visible. Resolution: one poll round
// trip plus ~1 ms sleep. Lag is never negative by construction (polls start after the ack); a
// replica that already had the marker at the first poll shows up as ~one poll round trip.
//
// Secondary views, sampled every --interval-ms too: with --distdb-status the master's
// /status slaves[].lagEntries / lagBytes; with --pg-stat pg_stat_replication's replay lag in WAL
// bytes per standby (pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)).
//
// The table lag_probe (seq BIGINT PRIMARY KEY, sent_ms BIGINT NOT NULL) must exist on the primary
// and have reached the replicas. Output: DIR/markers.tsv (seq, ack latency, lag per replica),
// DIR/secondary.tsv, DIR/summary.txt; one summary line per replica on stdout:
//   lag NAME markers N p50_ms P p99_ms P max_ms P unresolved U
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LagProbe {
  static String user = "distdb", database = "distdb", password;

  static Connection connect(int port) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  /** Acknowledgement times (nanoTime) by seq, for markers written so far. */
  static final Map<Long, Long> ackNanos = new ConcurrentHashMap<>();
  static final AtomicLong lastAcked = new AtomicLong(0);
  static volatile boolean stopPolling = false;

  static final class Replica implements Runnable {
    final String name;
    final int port;
    final Map<Long, Long> lagNanos = new ConcurrentHashMap<>();
    volatile String error;

    Replica(String name, int port) {
      this.name = name;
      this.port = port;
    }

    @Override
    public void run() {
      long resolved = 0; // every seq <= resolved has a lag
      try (Connection c = connect(port);
          PreparedStatement st = c.prepareStatement("SELECT max(seq) FROM lag_probe")) {
        while (true) {
          long target = lastAcked.get();
          if (stopPolling && resolved >= target) break;
          if (resolved < target) {
            long visible;
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              visible = rs.getLong(1);
            }
            long now = System.nanoTime();
            for (long s = resolved + 1; s <= Math.min(visible, target); s++) {
              Long ack = ackNanos.get(s);
              if (ack != null) lagNanos.put(s, now - ack);
            }
            resolved = Math.max(resolved, Math.min(visible, target));
          }
          Thread.sleep(1);
        }
      } catch (Exception e) {
        error = e.toString();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int primary = 0;
    Map<String, Integer> replicaPorts = new LinkedHashMap<>();
    String pwFile = null, statusUrl = null, out = null;
    boolean pgStat = false;
    double durationS = 20;
    long intervalMs = 50;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--primary" -> primary = Integer.parseInt(args[++i]);
        case "--replica" -> {
          String[] kv = args[++i].split("=", 2);
          replicaPorts.put(kv[0], Integer.parseInt(kv[1]));
        }
        case "--password-file" -> pwFile = args[++i];
        case "--user" -> user = args[++i];
        case "--database" -> database = args[++i];
        case "--duration-s" -> durationS = Double.parseDouble(args[++i]);
        case "--interval-ms" -> intervalMs = Long.parseLong(args[++i]);
        case "--distdb-status" -> statusUrl = args[++i];
        case "--pg-stat" -> pgStat = true;
        case "--out" -> out = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (primary == 0 || replicaPorts.isEmpty() || pwFile == null || out == null) {
      throw new IllegalArgumentException("need --primary, --replica, --password-file, --out");
    }
    password = Files.readAllLines(Path.of(pwFile)).get(0).trim();
    Path outDir = Files.createDirectories(Path.of(out));

    List<Replica> replicas = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (var e : replicaPorts.entrySet()) {
      Replica r = new Replica(e.getKey(), e.getValue());
      replicas.add(r);
      Thread t = new Thread(r, "poll-" + r.name);
      t.setDaemon(true); // a replica that never shows the markers must not keep the JVM alive
      t.start();
      threads.add(t);
    }

    // Secondary view sampler.
    List<String> secondary = new ArrayList<>();
    final String fStatusUrl = statusUrl;
    final boolean fPgStat = pgStat;
    final long fInterval = intervalMs;
    final int fPrimary = primary;
    Thread sampler = new Thread(() -> sample(fStatusUrl, fPgStat, fPrimary, fInterval, secondary), "sampler");
    sampler.setDaemon(true);
    if (statusUrl != null || pgStat) sampler.start();

    List<long[]> acks = new ArrayList<>(); // seq, ack latency ns
    long base = 0;
    try (Connection c = connect(primary)) {
      try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM lag_probe")) {
        rs.next();
        base = rs.getLong(1);
      }
      // seq continues after earlier probes in the same table.
      lastAcked.set(base);
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO lag_probe (seq, sent_ms) VALUES (?, ?)")) {
        long start = System.nanoTime();
        long end = start + (long) (durationS * 1e9);
        long next = start;
        long seq = base;
        while (System.nanoTime() < end) {
          seq++;
          long t0 = System.nanoTime();
          ins.setLong(1, seq);
          ins.setLong(2, System.currentTimeMillis());
          ins.executeUpdate();
          long t1 = System.nanoTime();
          ackNanos.put(seq, t1);
          lastAcked.set(seq);
          acks.add(new long[] {seq, t1 - t0});
          next += intervalMs * 1_000_000L;
          long sleep = next - System.nanoTime();
          if (sleep > 0) Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
          else next = System.nanoTime(); // fell behind: do not burst
        }
      }
    }
    // Give the replicas up to 30 s to show the last markers.
    stopPolling = true;
    for (Thread t : threads) t.join(30_000);
    stopSampling = true;

    StringBuilder summary = new StringBuilder();
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(outDir.resolve("markers.tsv")))) {
      w.print("seq\tack_ms");
      for (Replica r : replicas) w.print("\tlag_" + r.name + "_ms");
      w.println();
      for (long[] a : acks) {
        w.printf("%d\t%.3f", a[0], a[1] / 1e6);
        for (Replica r : replicas) {
          Long l = r.lagNanos.get(a[0]);
          w.print(l == null ? "\tNA" : String.format("\t%.3f", l / 1e6));
        }
        w.println();
      }
    }
    double[] ackMs = acks.stream().mapToDouble(a -> a[1] / 1e6).toArray();
    summary.append(String.format("ack markers %d p50_ms %.3f p99_ms %.3f max_ms %.3f%n",
        ackMs.length, pct(ackMs, 0.5), pct(ackMs, 0.99), pct(ackMs, 1.0)));
    for (Replica r : replicas) {
      double[] lags = r.lagNanos.values().stream().mapToDouble(l -> l / 1e6).toArray();
      summary.append(String.format("lag %s markers %d p50_ms %.3f p99_ms %.3f max_ms %.3f unresolved %d%s%n",
          r.name, lags.length, pct(lags, 0.5), pct(lags, 0.99), pct(lags, 1.0), acks.size() - lags.length,
          r.error == null ? "" : " error " + r.error.replace('\n', ' ')));
    }
    synchronized (secondary) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(outDir.resolve("secondary.tsv")))) {
        w.println("t_ms\treplica\tlag_entries\tlag_bytes");
        for (String s : secondary) w.println(s);
      }
      Map<String, List<double[]>> by = new TreeMap<>();
      for (String s : secondary) {
        String[] f = s.split("\t");
        by.computeIfAbsent(f[1], k -> new ArrayList<>())
            .add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
      }
      for (var e : by.entrySet()) {
        double[] ent = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
        double[] byt = e.getValue().stream().mapToDouble(v -> v[1]).toArray();
        summary.append(String.format(
            "secondary %s samples %d lag_entries_p50 %.0f lag_entries_p99 %.0f lag_entries_max %.0f lag_bytes_p50 %.0f lag_bytes_p99 %.0f lag_bytes_max %.0f%n",
            e.getKey(), ent.length, pct(ent, 0.5), pct(ent, 0.99), pct(ent, 1.0), pct(byt, 0.5), pct(byt, 0.99), pct(byt, 1.0)));
      }
    }
    Files.writeString(outDir.resolve("summary.txt"), summary);
    System.out.print(summary);
  }

  static volatile boolean stopSampling = false;
  static final Pattern SLAVE = Pattern.compile(
      "\"nodeId\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"lagEntries\"\\s*:\\s*(-?\\d+)\\s*,\\s*\"lagBytes\"\\s*:\\s*(-?\\d+)");

  static void sample(String statusUrl, boolean pgStat, int primary, long intervalMs, List<String> out) {
    long t0 = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Connection pg = null;
    try {
      if (pgStat) pg = connect(primary);
      while (!stopSampling) {
        long t = (System.nanoTime() - t0) / 1_000_000L;
        List<String> rows = new ArrayList<>();
        if (statusUrl != null) {
          try {
            String body = http.send(HttpRequest.newBuilder(URI.create(statusUrl)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            int i = body.indexOf("\"slaves\"");
            Matcher m = SLAVE.matcher(i < 0 ? "" : body.substring(i));
            while (m.find()) rows.add(t + "\t" + m.group(1) + "\t" + m.group(2) + "\t" + m.group(3));
          } catch (IOException e) {
            // skip this sample
          }
        }
        if (pg != null) {
          try (var st = pg.createStatement();
              var rs = st.executeQuery("SELECT application_name, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint FROM pg_stat_replication")) {
            while (rs.next()) rows.add(t + "\t" + rs.getString(1) + "\t-1\t" + rs.getLong(2));
          }
        }
        synchronized (out) {
          out.addAll(rows);
        }
        Thread.sleep(intervalMs);
      }
    } catch (Exception e) {
      System.err.println("sampler: " + e);
    } finally {
      try {
        if (pg != null) pg.close();
      } catch (SQLException ignored) {
      }
    }
  }

  /** Nearest-rank percentile; NaN for no values. */
  static double pct(double[] v, double p) {
    if (v.length == 0) return Double.NaN;
    double[] s = v.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p * s.length);
    return s[Math.max(0, Math.min(s.length, rank) - 1)];
  }
}
