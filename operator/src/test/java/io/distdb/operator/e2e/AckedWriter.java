package io.distdb.operator.e2e;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A client writing through the read-write Service while a fault runs: one autocommit INSERT of a
 * fresh id at a time, at most {@code perSecond} a second, at most {@code maxRows} rows and {@code
 * maxTime} long. An id whose INSERT returned OK is acknowledged; a failed one is never reused (its
 * outcome is unknown) and the writer reconnects. {@link #stop} returns the acknowledged ids, which
 * must all be found afterwards.
 */
public final class AckedWriter implements AutoCloseable {

  private final Supplier<InetSocketAddress> service;
  private final String user;
  private final String password;
  private final String table;
  private final int maxRows;
  private final long deadline;
  private final long pauseNanos;
  private final Set<Long> acked = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean paused;
  private volatile boolean idle;
  private volatile long nextId;
  private volatile int failures;

  public AckedWriter(
      Supplier<InetSocketAddress> service,
      String user,
      String password,
      String table,
      long firstId,
      int maxRows,
      Duration maxTime,
      int perSecond) {
    this.service = service;
    this.user = user;
    this.password = password;
    this.table = table;
    this.nextId = firstId;
    this.maxRows = maxRows;
    this.deadline = System.nanoTime() + maxTime.toNanos();
    this.pauseNanos = 1_000_000_000L / perSecond;
    thread = new Thread(this::run, "acked-writer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Connection c = null;
    PreparedStatement insert = null;
    while (!stopped && acked.size() < maxRows && System.nanoTime() < deadline) {
      if (paused) {
        idle = true;
        LockSupport.parkNanos(10_000_000L);
        continue;
      }
      long id = nextId++;
      try {
        if (c == null) {
          c = connect(service.get(), user, password);
          insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?)");
        }
        insert.setLong(1, id);
        insert.executeUpdate();
        acked.add(id);
      } catch (SQLException e) {
        failures++;
        close(c);
        c = null;
      }
      LockSupport.parkNanos(pauseNanos);
    }
    close(c);
  }

  /** The writer's connection settings: short timeouts, so a dead backend fails fast. */
  static Connection connect(InetSocketAddress a, String user, String password) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + a.getHostString()
            + ":"
            + a.getPort()
            + "/distdb?connectTimeout=3&socketTimeout=10",
        user,
        password);
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // the backend is gone already
      }
    }
  }

  /** The number of ids acknowledged so far. */
  public int acknowledged() {
    return acked.size();
  }

  /**
   * Holds writing once the INSERT in flight has ended, so the nodes can be compared at one LSN;
   * {@link #resume()} goes on.
   */
  public void pause() {
    idle = false;
    paused = true;
    long until = System.nanoTime() + 30_000_000_000L;
    while (!idle && thread.isAlive() && System.nanoTime() < until) {
      LockSupport.parkNanos(10_000_000L);
    }
  }

  public void resume() {
    paused = false;
  }

  /** Stops writing; returns the acknowledged ids. */
  public Set<Long> stop() throws InterruptedException {
    stopped = true;
    thread.join(30_000);
    return Set.copyOf(acked);
  }

  /** INSERTs that failed (their rows may or may not exist). */
  public int failures() {
    return failures;
  }

  /** The next id this writer would use; the next writer starts above it. */
  public long nextId() {
    return nextId;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
