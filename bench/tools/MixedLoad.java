// Mixed load on a master + slaves cluster: writers, readers on every slave and a heartbeat whose
// arrival on each slave gives the replication lag. One process, one clock.
//
//   java -cp postgresql-42.7.14.jar bench/tools/MixedLoad.java \
//     --master PORT --replica NAME=PORT [--replica NAME=PORT ...] --password-file F --out DIR \
//     [--user distdb] [--database distdb] [--duration-s 20] [--writers 8] [--readers 1] \
//     [--heartbeat-ms 50] [--max-writes 2000000] [--writer-mode simple|extended]
//
// Roles, each thread with its own connection:
// - writers (--writers) on the master, autocommit, preferQueryMode=simple (pgjdbc inlines the
//   values, every INSERT is one Query message): INSERT INTO mixed_events (id, writer, aid, note);
//   --writer-mode extended makes them use pgjdbc's default (server-prepared after 5 executions),
//   to tell the protocol's cost from the rest;
//   ids continue after the table's max(id), so repeated runs on the same cluster do not collide;
// - heartbeat on the master, also simple protocol: every --heartbeat-ms,
//   UPDATE mixed_heartbeat SET seq = s, sent_ms = <wall clock> WHERE id = 1 (fixed schedule: a slow
//   commit delays the next beat, it does not cause a burst);
// - on each slave, --readers threads of each kind (default protocol, prepared statements), closed
//   loop: count (SELECT count(*) FROM mixed_events WHERE id > <this run's first id - 1>), point
//   (SELECT abalance FROM bench_accounts WHERE aid = random), scan (the 100 next rows of this run's
//   mixed_events after a random id, ORDER BY id);
// - on each slave a watcher polls SELECT seq, sent_ms FROM mixed_heartbeat about every millisecond.
//   Beat s's lag on that slave = (time of the first poll that returned seq >= s) - (time the master
//   acknowledged s); beats overwrite each other, so seq >= s means s has been applied. Polls only
//   resolve acknowledged beats, so lag is never negative; resolution one poll round trip + ~1 ms.
//   The watcher polls only while an acknowledged beat is unresolved. Once a second its view is also
//   sampled as staleness: now - sent_ms of the newest beat it has seen (the age of the slave's data
//   as a reader sees it: one interval plus the commit time when the slave keeps up).
//
// Every thread opens its connection first; the --duration-s clock starts when all have.
// Bounded: every thread stops at --duration-s, writers also after --max-writes in total; JDBC
// connect and socket timeouts keep a hung server from hanging the run. A failed statement counts
// as an error, the connection is replaced, the loop goes on.
//
// Output: DIR/seconds.tsv (per second: writes, heartbeats, reads by slave and kind, staleness),
// DIR/beats.tsv (per beat: ack latency, lag per slave), DIR/window.txt (the measured window's start
// and end as local times of day, HH:MM:SS.sss), and on stdout (and DIR/summary.txt) one
// line per role:  ROLE NODE KIND key value key value ...
//   write master insert|heartbeat  ops N per_s X sec_p50 X sec_min X p50_ms X p99_ms X errors E
//   read  SLAVE count|point|scan   ops N per_s X sec_p50 X sec_min X p50_ms X p99_ms X errors E
//   lag   SLAVE ack                beats N p50_ms X p99_ms X max_ms X unresolved U
//   lag   SLAVE stale              samples N p50_ms X p99_ms X max_ms X
// Percentiles are nearest-rank; sec_* are over the per-second samples.
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

public class MixedLoad {
  static String user = "distdb", database = "distdb", password;
  static volatile boolean running = true;
  static volatile long deadlineNanos = Long.MAX_VALUE;
  /** Every thread connects first; the clock starts when all have (connection set-up is not load). */
  static CountDownLatch connected;
  static final CountDownLatch go = new CountDownLatch(1);
  /** Set once writers and heartbeat have stopped: no beat is acknowledged after it. */
  static volatile boolean writesDone;
  static boolean writersSimple = true;

  static Connection open(int port, boolean simple) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "10");
    p.setProperty("socketTimeout", "60");
    if (simple) p.setProperty("preferQueryMode", "simple");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  static boolean active() {
    return running && System.nanoTime() < deadlineNanos;
  }

  /** Connects, counts down {@link #connected}, waits for {@link #go}. */
  static Connection openAndWait(int port, boolean simple) throws SQLException, InterruptedException {
    try {
      return open(port, simple);
    } finally {
      connected.countDown(); // a failed connect must not hold the others back
      go.await();
    }
  }

  /** Operation count, errors and latencies of one role on one node, shared by its threads. */
  static final class Role {
    final String node, kind;
    final AtomicLong ops = new AtomicLong(), errors = new AtomicLong();
    final List<long[]> latencyChunks = new ArrayList<>();
    final List<Long> perSecond = new ArrayList<>();
    long lastOps;

    Role(String node, String kind) {
      this.node = node;
      this.kind = kind;
    }

    /** A per-thread latency buffer; merged at the end (no locking on the hot path). */
    synchronized long[] newChunk(int size) {
      long[] c = new long[size + 1]; // [0] = how many are used
      latencyChunks.add(c);
      return c;
    }

    double[] latenciesMs() {
      return latencyChunks.stream()
          .flatMapToLong(c -> Arrays.stream(c, 1, (int) c[0] + 1))
          .mapToDouble(n -> n / 1e6)
          .toArray();
    }

    void sampleSecond() {
      long now = ops.get();
      perSecond.add(now - lastOps);
      lastOps = now;
    }
  }

  /** One closed-loop thread: runs op() until the end, timing each call into its role. */
  abstract static class Worker implements Runnable {
    final Role role;
    final int port;
    final boolean simple;
    Connection conn;
    long[] chunk;

    Worker(Role role, int port, boolean simple) {
      this.role = role;
      this.port = port;
      this.simple = simple;
    }

    abstract void prepare() throws SQLException;

    /** One operation; false when the role's count bound is reached. */
    abstract boolean op() throws SQLException;

    void pace() throws InterruptedException {}

    @Override
    public void run() {
      chunk = role.newChunk(1 << 16);
      try {
        try {
          conn = openAndWait(port, simple);
          prepare();
        } catch (SQLException e) {
          role.errors.incrementAndGet();
          closeQuietly();
        }
        while (active()) {
          try {
            if (conn == null) {
              conn = open(port, simple);
              prepare();
            }
            long t0 = System.nanoTime();
            if (!op()) break;
            record(System.nanoTime() - t0);
            pace();
          } catch (SQLException e) {
            role.errors.incrementAndGet();
            closeQuietly();
            Thread.sleep(10);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        closeQuietly();
      }
    }

    void record(long nanos) {
      role.ops.incrementAndGet();
      if (chunk[0] == chunk.length - 1) chunk = role.newChunk(chunk.length - 1);
      chunk[(int) ++chunk[0]] = nanos;
    }

    void closeQuietly() {
      try {
        if (conn != null) conn.close();
      } catch (SQLException ignored) {
        // already broken
      }
      conn = null;
    }
  }

  static long firstId; // this run's ids are firstId, firstId + 1, ...
  static final AtomicLong nextId = new AtomicLong();
  static long maxWrites;

  static final class Writer extends Worker {
    final int index;
    PreparedStatement insert;

    Writer(Role role, int port, int index) {
      super(role, port, writersSimple);
      this.index = index;
    }

    @Override
    void prepare() throws SQLException {
      insert = conn.prepareStatement("INSERT INTO mixed_events (id, writer, aid, note) VALUES (?, ?, ?, ?)");
    }

    @Override
    boolean op() throws SQLException {
      long id = nextId.getAndIncrement();
      if (id - firstId >= maxWrites) return false;
      insert.setLong(1, id);
      insert.setInt(2, index);
      insert.setInt(3, ThreadLocalRandom.current().nextInt(1, 100_001));
      insert.setString(4, "mixed");
      insert.executeUpdate();
      return true;
    }
  }

  /** Heartbeat seq -> acknowledgement nanoTime (0 = not acknowledged yet), by seq - firstBeat. */
  static AtomicLongArray beatAck, beatSent;
  static long firstBeat;
  static final AtomicLong lastAckedBeat = new AtomicLong();

  static final class Heartbeat extends Worker {
    final long intervalNanos;
    long next; // the schedule: 0 until the first beat
    long seq;
    PreparedStatement update;

    Heartbeat(Role role, int port, long intervalMs) {
      super(role, port, true);
      this.intervalNanos = intervalMs * 1_000_000L;
      this.seq = firstBeat - 1;
    }

    @Override
    void prepare() throws SQLException {
      update = conn.prepareStatement("UPDATE mixed_heartbeat SET seq = ?, sent_ms = ? WHERE id = 1");
    }

    @Override
    boolean op() throws SQLException {
      long s = seq + 1;
      if (s - firstBeat >= beatAck.length()) return false;
      beatSent.set((int) (s - firstBeat), System.nanoTime());
      update.setLong(1, s);
      update.setLong(2, System.currentTimeMillis());
      update.executeUpdate();
      beatAck.set((int) (s - firstBeat), System.nanoTime());
      lastAckedBeat.set(s);
      seq = s;
      return true;
    }

    @Override
    void pace() throws InterruptedException {
      if (next == 0) next = System.nanoTime();
      next += intervalNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
      else next = System.nanoTime();
    }
  }

  static final class Reader extends Worker {
    PreparedStatement st;

    Reader(Role role, int port) {
      super(role, port, false);
    }

    @Override
    void prepare() throws SQLException {
      st = conn.prepareStatement(switch (role.kind) {
        case "count" -> "SELECT count(*) FROM mixed_events WHERE id >= ?";
        case "point" -> "SELECT abalance FROM bench_accounts WHERE aid = ?";
        case "scan" -> "SELECT id, writer, aid FROM mixed_events WHERE id >= ? ORDER BY id LIMIT 100";
        default -> throw new IllegalArgumentException(role.kind);
      });
    }

    @Override
    boolean op() throws SQLException {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      switch (role.kind) {
        case "count" -> st.setLong(1, firstId);
        case "point" -> st.setInt(1, r.nextInt(1, 100_001));
        default -> st.setLong(1, firstId + r.nextLong(Math.max(1, nextId.get() - firstId)));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) rs.getLong(1);
      }
      return true;
    }
  }

  /** Polls one slave's heartbeat row; resolves the lag of every acknowledged beat it shows. */
  static final class Watcher implements Runnable {
    final String name;
    final int port;
    final AtomicLongArray lagNanos;
    volatile long newestSentMs; // sent_ms of the newest beat seen, for the staleness samples
    final List<Double> staleMs = new ArrayList<>();
    volatile String error;

    Watcher(String name, int port, int beats) {
      this.name = name;
      this.port = port;
      this.lagNanos = new AtomicLongArray(beats);
    }

    @Override
    public void run() {
      long resolved = firstBeat - 1; // every beat <= resolved has a lag
      long drainUntil = Long.MAX_VALUE;
      boolean first = true;
      while (true) {
        try (Connection c = first ? openAndWait(port, false) : open(port, false);
            PreparedStatement st = c.prepareStatement("SELECT seq, sent_ms FROM mixed_heartbeat WHERE id = 1")) {
          while (true) {
            first = false;
            long target = lastAckedBeat.get();
            if (writesDone) {
              // after the end: up to 30 s more to see the last acknowledged beats
              if (drainUntil == Long.MAX_VALUE) drainUntil = System.nanoTime() + 30_000_000_000L;
              if (resolved >= target || System.nanoTime() > drainUntil) return;
            }
            if (resolved >= target) {
              Thread.sleep(1);
              continue;
            }
            long seen, sentMs;
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              seen = rs.getLong(1);
              sentMs = rs.getLong(2);
            }
            long now = System.nanoTime();
            if (seen >= firstBeat) newestSentMs = sentMs;
            for (long s = resolved + 1; s <= Math.min(seen, target); s++) {
              long ack = beatAck.get((int) (s - firstBeat));
              if (ack != 0) lagNanos.set((int) (s - firstBeat), now - ack);
            }
            resolved = Math.max(resolved, Math.min(seen, target));
            Thread.sleep(1);
          }
        } catch (SQLException e) {
          first = false;
          error = e.toString();
          if (writesDone) return;
          try {
            Thread.sleep(10);
          } catch (InterruptedException ie) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void sampleSecond() {
      long sent = newestSentMs;
      if (sent > 0) staleMs.add((double) (System.currentTimeMillis() - sent));
    }
  }

  public static void main(String[] args) throws Exception {
    int master = 0, writers = 8, readers = 1;
    Map<String, Integer> slaves = new LinkedHashMap<>();
    String pwFile = null, out = null;
    double durationS = 20;
    long heartbeatMs = 50;
    maxWrites = 2_000_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = Integer.parseInt(args[++i]);
        case "--replica" -> {
          String[] kv = args[++i].split("=", 2);
          slaves.put(kv[0], Integer.parseInt(kv[1]));
        }
        case "--password-file" -> pwFile = args[++i];
        case "--user" -> user = args[++i];
        case "--database" -> database = args[++i];
        case "--duration-s" -> durationS = Double.parseDouble(args[++i]);
        case "--writers" -> writers = Integer.parseInt(args[++i]);
        case "--readers" -> readers = Integer.parseInt(args[++i]);
        case "--heartbeat-ms" -> heartbeatMs = Long.parseLong(args[++i]);
        case "--max-writes" -> maxWrites = Long.parseLong(args[++i]);
        case "--writer-mode" -> writersSimple = switch (args[++i]) {
          case "simple" -> true;
          case "extended" -> false;
          default -> throw new IllegalArgumentException("--writer-mode simple|extended");
        };
        case "--out" -> out = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (master == 0 || slaves.isEmpty() || pwFile == null || out == null) {
      throw new IllegalArgumentException("need --master, --replica, --password-file, --out");
    }
    password = Files.readAllLines(Path.of(pwFile)).get(0).trim();
    Path outDir = Files.createDirectories(Path.of(out));

    try (Connection c = open(master, false);
        var st = c.createStatement();
        var ids = st.executeQuery("SELECT coalesce(max(id), 0) FROM mixed_events")) {
      ids.next();
      firstId = ids.getLong(1) + 1;
      try (var beat = st.executeQuery("SELECT seq FROM mixed_heartbeat WHERE id = 1")) {
        beat.next();
        firstBeat = beat.getLong(1) + 1;
      }
    }
    nextId.set(firstId);
    lastAckedBeat.set(firstBeat - 1);
    int beats = (int) Math.min(Integer.MAX_VALUE - 8, (long) (durationS * 1000 / Math.max(1, heartbeatMs)) + 16);
    beatAck = new AtomicLongArray(beats);
    beatSent = new AtomicLongArray(beats);

    List<Role> roles = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<Watcher> watchers = new ArrayList<>();
    Role insert = new Role("master", "insert"), heartbeat = new Role("master", "heartbeat");
    roles.add(insert);
    roles.add(heartbeat);
    for (int w = 0; w < writers; w++) threads.add(new Thread(new Writer(insert, master, w), "writer-" + w));
    threads.add(new Thread(new Heartbeat(heartbeat, master, heartbeatMs), "heartbeat"));
    for (var s : slaves.entrySet()) {
      for (String kind : List.of("count", "point", "scan")) {
        Role role = new Role(s.getKey(), kind);
        roles.add(role);
        for (int r = 0; r < readers; r++) {
          threads.add(new Thread(new Reader(role, s.getValue()), "read-" + s.getKey() + "-" + kind + "-" + r));
        }
      }
      Watcher w = new Watcher(s.getKey(), s.getValue(), beats);
      watchers.add(w);
      threads.add(new Thread(w, "watch-" + s.getKey()));
    }
    connected = new CountDownLatch(threads.size());
    for (Thread t : threads) {
      t.setDaemon(true); // a server that never answers must not keep the JVM alive
      t.start();
    }
    if (!connected.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("connections not open after 60 s");
    long start = System.nanoTime();
    deadlineNanos = start + (long) (durationS * 1e9);
    LocalTime startClock = LocalTime.now();
    go.countDown();

    // Per-second samples until the deadline.
    List<String> seconds = new ArrayList<>();
    long tick = start;
    while (System.nanoTime() < deadlineNanos) {
      tick += 1_000_000_000L;
      long sleep = Math.min(tick, deadlineNanos) - System.nanoTime();
      if (sleep > 0) Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
      if (tick > deadlineNanos) break; // a partial last second would skew the per-second view
      StringBuilder row = new StringBuilder(String.valueOf((tick - start) / 1_000_000_000L));
      for (Role r : roles) {
        r.sampleSecond();
        row.append('\t').append(r.perSecond.get(r.perSecond.size() - 1));
      }
      for (Watcher w : watchers) {
        w.sampleSecond();
        row.append('\t').append(w.staleMs.isEmpty() ? "NA" : String.format(Locale.ROOT, "%.0f", w.staleMs.get(w.staleMs.size() - 1)));
      }
      seconds.add(row.toString());
    }
    running = false;
    double elapsedS = (System.nanoTime() - start) / 1e9;
    // The measured window in local wall-clock time, the form `jfr print` shows (bench/lib/jfr.sh).
    Files.writeString(outDir.resolve("window.txt"), startClock + " " + LocalTime.now() + "\n");
    for (Thread t : threads) if (!t.getName().startsWith("watch-")) t.join(65_000);
    writesDone = true;
    for (Thread t : threads) t.join(35_000);

    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(outDir.resolve("seconds.tsv")))) {
      StringBuilder head = new StringBuilder("second");
      for (Role r : roles) head.append('\t').append(r.node).append('_').append(r.kind);
      for (Watcher wa : watchers) head.append('\t').append(wa.name).append("_stale_ms");
      w.println(head);
      seconds.forEach(w::println);
    }
    long lastBeat = lastAckedBeat.get();
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(outDir.resolve("beats.tsv")))) {
      w.print("seq\tack_ms");
      for (Watcher wa : watchers) w.print("\tlag_" + wa.name + "_ms");
      w.println();
      for (long s = firstBeat; s <= lastBeat; s++) {
        int i = (int) (s - firstBeat);
        w.printf(Locale.ROOT, "%d\t%.3f", s, (beatAck.get(i) - beatSent.get(i)) / 1e6);
        for (Watcher wa : watchers) {
          long l = wa.lagNanos.get(i);
          w.print(l == 0 ? "\tNA" : String.format(Locale.ROOT, "\t%.3f", l / 1e6));
        }
        w.println();
      }
    }

    StringBuilder summary = new StringBuilder();
    for (Role r : roles) {
      double[] lat = r.latenciesMs();
      double[] sec = r.perSecond.stream().mapToDouble(Long::doubleValue).toArray();
      summary.append(String.format(Locale.ROOT,
          "%s %s %s ops %d per_s %.1f sec_p50 %.0f sec_min %.0f p50_ms %.3f p99_ms %.3f errors %d%n",
          r.kind.equals("insert") || r.kind.equals("heartbeat") ? "write" : "read", r.node, r.kind,
          r.ops.get(), r.ops.get() / elapsedS, pct(sec, 0.5), pct(sec, 0.0), pct(lat, 0.5), pct(lat, 0.99),
          r.errors.get()));
    }
    int acked = (int) (lastBeat - firstBeat + 1);
    for (Watcher w : watchers) {
      double[] lags = new double[acked];
      int n = 0;
      for (int i = 0; i < acked; i++) if (w.lagNanos.get(i) != 0) lags[n++] = w.lagNanos.get(i) / 1e6;
      lags = Arrays.copyOf(lags, n);
      summary.append(String.format(Locale.ROOT, "lag %s ack beats %d p50_ms %.3f p99_ms %.3f max_ms %.3f unresolved %d%s%n",
          w.name, n, pct(lags, 0.5), pct(lags, 0.99), pct(lags, 1.0), acked - n,
          w.error == null ? "" : " error " + w.error.replace('\n', ' ')));
      double[] stale = w.staleMs.stream().mapToDouble(Double::doubleValue).toArray();
      summary.append(String.format(Locale.ROOT, "lag %s stale samples %d p50_ms %.0f p99_ms %.0f max_ms %.0f%n",
          w.name, stale.length, pct(stale, 0.5), pct(stale, 0.99), pct(stale, 1.0)));
    }
    Files.writeString(outDir.resolve("summary.txt"), summary);
    System.out.print(summary);
  }

  /** Nearest-rank percentile (p = 0: the minimum); NaN for no values. */
  static double pct(double[] v, double p) {
    if (v.length == 0) return Double.NaN;
    double[] s = v.clone();
    Arrays.sort(s);
    int rank = Math.max(1, (int) Math.ceil(p * s.length));
    return s[Math.min(s.length, rank) - 1];
  }
}
