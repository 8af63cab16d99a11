package io.distdb.node.replication;

import io.distdb.adminapi.SlaveStatus;
import io.distdb.node.log.LogEntry;
import io.distdb.node.log.LogTruncatedException;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.replication.auth.HandshakeAuth;
import io.distdb.node.replication.auth.HandshakeResult;
import io.distdb.node.replication.auth.HandshakeValidator;
import io.distdb.node.replication.auth.MasterState;
import io.distdb.node.replication.wire.Ack;
import io.distdb.node.replication.wire.Challenge;
import io.distdb.node.replication.wire.Entries;
import io.distdb.node.replication.wire.Heartbeat;
import io.distdb.node.replication.wire.Hello;
import io.distdb.node.replication.wire.PeerConnection;
import io.distdb.node.replication.wire.PeerHandler;
import io.distdb.node.replication.wire.Reject;
import io.distdb.node.replication.wire.RejectReason;
import io.distdb.node.replication.wire.ReplicationMessage;
import io.distdb.node.replication.wire.StartMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's side of replication: authenticates slaves, streams them the durable log from where
 * each stands (or a snapshot when the log no longer reaches back that far), and tracks their
 * acknowledgements for commit waiters and {@code /status}.
 *
 * <p>All state changes happen on one thread ({@code replication-primary}). In a node that thread is
 * also the slaves' connections' event loop ({@link
 * io.distdb.node.replication.wire.ReplicationEventLoop}), so network callbacks run at once and
 * entries are written to the socket directly; callbacks from other threads enqueue work there. Per
 * slave at most {@link #MAX_IN_FLIGHT_ENTRIES} unacknowledged entries are sent, and nothing is sent
 * while the connection's buffer is full, so a slow slave costs the master a bounded amount of
 * memory.
 */
public final class Primary implements PeerHandler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Primary.class);
  static final int MAX_IN_FLIGHT_ENTRIES = 20_000;
  static final int MAX_BATCH_ENTRIES = 512;
  static final int MAX_BATCH_BYTES = 1 << 20;

  /**
   * Acks that keep coming without the durable LSN moving while entries are outstanding mean those
   * entries were lost on the way (a middlebox, not TCP, dropped them): resend from the slave's
   * durable LSN after this long. The slave skips what it already has.
   */
  static final long STALL_MILLIS = 3_000;

  /** A slave further behind than this is reported as catching up rather than streaming. */
  static final long CATCHING_UP_ENTRIES = 1_000;

  private final ReplicationSettings settings;
  private final ReplicationLog replicationLog;
  private final SnapshotSource snapshots;
  private final HandshakeAuth auth;
  private final HandshakeValidator validator;
  private final AckListener ackListener;

  /** A connection that has not sent its Hello this long after connecting is closed. */
  public static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  /** How often disconnected slaves are checked for {@link #forgetAfterMillis}. */
  static final long FORGET_SWEEP_MILLIS = 10_000;

  private final ScheduledExecutorService thread;
  private final boolean ownsThread;
  private volatile Thread primaryThread;
  private final ExecutorService snapshotThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "replication-snapshot");
            t.setDaemon(true);
            return t;
          });
  private final Map<PeerConnection, byte[]> pendingHandshakes = new HashMap<>();
  private final Map<PeerConnection, FollowerLink> byConnection = new HashMap<>();

  /** Every slave seen since start, by node id; read by status and commit waiters. */
  private final Map<String, FollowerLink> links = new ConcurrentHashMap<>();

  private final AtomicBoolean pumpQueued = new AtomicBoolean();
  private final long forgetAfterMillis;
  private final long handshakeTimeoutMillis;
  private final RetiredIncarnations incarnations = new RetiredIncarnations();

  /** Told whenever a slave's durable LSN advances (commit waiters listen). */
  public interface AckListener {
    void acknowledged();
  }

  public Primary(
      ReplicationSettings settings,
      ReplicationLog replicationLog,
      SnapshotSource snapshots,
      AckListener ackListener) {
    this(settings, replicationLog, snapshots, ackListener, 86_400_000L, HANDSHAKE_TIMEOUT_MILLIS);
  }

  /**
   * @param forgetAfterMillis a slave disconnected this long is dropped from {@code /status} (and no
   *     longer holds log back); it gets a snapshot if it returns
   * @param handshakeTimeoutMillis how long a new connection may take to send its Hello
   */
  public Primary(
      ReplicationSettings settings,
      ReplicationLog replicationLog,
      SnapshotSource snapshots,
      AckListener ackListener,
      long forgetAfterMillis,
      long handshakeTimeoutMillis) {
    this(
        settings,
        replicationLog,
        snapshots,
        ackListener,
        forgetAfterMillis,
        handshakeTimeoutMillis,
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "replication-primary");
              t.setDaemon(true);
              return t;
            }),
        true);
  }

  /**
   * Runs on {@code thread}, which must execute tasks one at a time in order (the slaves' event loop
   * in a node); the caller shuts it down after closing this.
   */
  public Primary(
      ReplicationSettings settings,
      ReplicationLog replicationLog,
      SnapshotSource snapshots,
      AckListener ackListener,
      long forgetAfterMillis,
      long handshakeTimeoutMillis,
      ScheduledExecutorService thread) {
    this(
        settings,
        replicationLog,
        snapshots,
        ackListener,
        forgetAfterMillis,
        handshakeTimeoutMillis,
        thread,
        false);
  }

  private Primary(
      ReplicationSettings settings,
      ReplicationLog replicationLog,
      SnapshotSource snapshots,
      AckListener ackListener,
      long forgetAfterMillis,
      long handshakeTimeoutMillis,
      ScheduledExecutorService thread,
      boolean ownsThread) {
    this.thread = thread;
    this.ownsThread = ownsThread;
    thread.execute(() -> primaryThread = Thread.currentThread());
    this.forgetAfterMillis = forgetAfterMillis;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    long sweep = Math.min(FORGET_SWEEP_MILLIS, Math.max(1, forgetAfterMillis / 2));
    thread.scheduleWithFixedDelay(this::forgetLongGone, sweep, sweep, TimeUnit.MILLISECONDS);
    this.settings = settings;
    this.replicationLog = replicationLog;
    this.snapshots = snapshots;
    this.auth = new HandshakeAuth(settings.secret());
    this.validator = new HandshakeValidator(auth);
    this.ackListener = ackListener;
    replicationLog.addDurableListener(lsn -> schedulePumpAll());
  }

  /** Runs task on the replication thread: at once when called there (a network callback). */
  private void onThread(Runnable task) {
    if (Thread.currentThread() == primaryThread) {
      task.run();
    } else {
      thread.execute(task);
    }
  }

  /** Slaves whose log holds {@code lsn} durably. */
  public int durableCount(long lsn) {
    int n = 0;
    for (FollowerLink l : links.values()) {
      if (l.durableLsn >= lsn) {
        n++;
      }
    }
    return n;
  }

  /** Slaves that have applied {@code lsn}: a read there sees it. */
  public int appliedCount(long lsn) {
    int n = 0;
    for (FollowerLink l : links.values()) {
      if (l.appliedLsn >= lsn) {
        n++;
      }
    }
    return n;
  }

  /** The lowest durable LSN among slaves that are connected or recently were, for retention. */
  public long slowestDurableLsn() {
    return links.values().stream().mapToLong(l -> l.durableLsn).min().orElse(Long.MAX_VALUE);
  }

  /** Forgets a slave that fell too far behind; it will need a snapshot if it returns. */
  public void forget(String nodeId) {
    FollowerLink l = links.get(nodeId);
    if (l != null && l.state == LinkState.DISCONNECTED) {
      links.remove(nodeId);
    }
  }

  private void forgetLongGone() {
    long now = System.currentTimeMillis();
    links
        .values()
        .removeIf(
            l ->
                l.state == LinkState.DISCONNECTED
                    && l.disconnectedAtMillis > 0
                    && now - l.disconnectedAtMillis > forgetAfterMillis);
  }

  public List<SlaveStatus> status() {
    long last = replicationLog.lastLsn();
    long now = System.currentTimeMillis();
    double bytesPerEntry = averageEntryBytes();
    List<SlaveStatus> out = new ArrayList<>();
    for (FollowerLink l : links.values()) {
      long lag = Math.max(0, last - l.durableLsn);
      out.add(
          new SlaveStatus(
              l.nodeId,
              l.address,
              l.state.wireName(),
              l.durableLsn,
              l.appliedLsn,
              lag,
              (long) (lag * bytesPerEntry),
              l.lastAckMillis == 0 ? -1 : now - l.lastAckMillis));
    }
    out.sort(Comparator.comparing(SlaveStatus::nodeId));
    return out;
  }

  private double averageEntryBytes() {
    long entries = replicationLog.lastLsn() - replicationLog.firstLsn() + 1;
    return entries <= 0 ? 0 : (double) replicationLog.sizeBytes() / entries;
  }

  // ---- network callbacks: run on the replication thread

  @Override
  public void connected(PeerConnection c) {
    onThread(
        () -> {
          byte[] nonce = auth.newNonce();
          pendingHandshakes.put(c, nonce);
          c.send(new Challenge(ReplicationSettings.PROTOCOL_VERSION, nonce));
          thread.schedule(
              () -> {
                if (pendingHandshakes.remove(c) != null) {
                  refuse(c, "no Hello within " + handshakeTimeoutMillis + " ms");
                }
              },
              handshakeTimeoutMillis,
              TimeUnit.MILLISECONDS);
        });
  }

  @Override
  public void received(PeerConnection c, ReplicationMessage m) {
    onThread(() -> handle(c, m));
  }

  @Override
  public void writable(PeerConnection c) {
    onThread(
        () -> {
          FollowerLink l = byConnection.get(c);
          if (l != null) {
            pump(l);
          }
        });
  }

  @Override
  public void idle(PeerConnection c) {
    onThread(
        () -> {
          if (byConnection.containsKey(c)) {
            c.send(
                new Heartbeat(
                    settings.epoch(), replicationLog.lastLsn(), System.currentTimeMillis()));
          }
        });
  }

  @Override
  public void disconnected(PeerConnection c) {
    onThread(
        () -> {
          pendingHandshakes.remove(c);
          FollowerLink l = byConnection.remove(c);
          if (l != null && l.connection == c) {
            l.state = LinkState.DISCONNECTED;
            l.disconnectedAtMillis = System.currentTimeMillis();
            l.connection = null;
            l.closeCursor();
            if (l.snapshot != null) {
              l.snapshot.close();
              l.snapshot = null;
            }
            log.atInfo().addKeyValue("slave", l.nodeId).log("slave disconnected");
          }
        });
  }

  // ---- protocol, on the replication thread

  private void handle(PeerConnection c, ReplicationMessage m) {
    if (m instanceof Hello hello) {
      handshake(c, hello);
      return;
    }
    FollowerLink l = byConnection.get(c);
    if (l == null) {
      refuse(c, "message " + m.type() + " before a successful handshake");
      return;
    }
    if (m instanceof Ack ack) {
      onAck(l, ack);
    } else {
      refuse(c, "unexpected message " + m.type() + " from a slave");
    }
  }

  private void handshake(PeerConnection c, Hello hello) {
    byte[] nonce = pendingHandshakes.remove(c);
    if (nonce == null) {
      refuse(c, "Hello without a Challenge, or a second Hello");
      return;
    }
    MasterState state =
        new MasterState(
            ReplicationSettings.PROTOCOL_VERSION,
            settings.clusterId(),
            settings.nodeId(),
            settings.epoch(),
            replicationLog.lastLsn(),
            replicationLog.firstLsn());
    HandshakeResult result = validator.validate(state, nonce, hello);
    if (result instanceof HandshakeResult.Rejected rejected) {
      boolean namedValidly = rejected.reason() != RejectReason.BAD_NODE_ID;
      log.atWarn()
          .addKeyValue("peer", c.remoteAddress())
          .addKeyValue("node", namedValidly ? hello.nodeId() : "(invalid)")
          .addKeyValue("reason", rejected.reason())
          .log("slave refused: {}", rejected.message());
      c.send(rejected.toMessage());
      c.close();
      return;
    }
    HandshakeResult.Accepted accepted = (HandshakeResult.Accepted) result;
    if (incarnations.isRetired(hello.nodeId(), hello.incarnation())) {
      log.atWarn()
          .addKeyValue("peer", c.remoteAddress())
          .addKeyValue("node", hello.nodeId())
          .addKeyValue("incarnation", hello.incarnation())
          .log("slave refused: a newer incarnation of this node id has registered");
      c.send(
          new Reject(
              RejectReason.SUPERSEDED,
              "a newer incarnation of node '" + hello.nodeId() + "' has registered"));
      c.close();
      return;
    }
    FollowerLink l = links.computeIfAbsent(hello.nodeId(), FollowerLink::new);
    boolean newIncarnation = !hello.incarnation().equals(l.incarnation);
    if (newIncarnation && l.incarnation != null) {
      // A replacement (a new pod for the same id): the old run's acks must not count any more,
      // and it may never come back.
      incarnations.retire(l.nodeId, l.incarnation);
      log.atInfo()
          .addKeyValue("slave", l.nodeId)
          .addKeyValue("old", l.incarnation)
          .addKeyValue("new", hello.incarnation())
          .log("new incarnation replaces the old registration");
    }
    if (l.connection != null) {
      // The slave reconnected before its old connection timed out, or was replaced: the new
      // connection wins.
      byConnection.remove(l.connection);
      l.connection.close();
      l.closeCursor();
      if (l.snapshot != null) {
        l.snapshot.close();
        l.snapshot = null;
      }
    }
    if (newIncarnation) {
      l.incarnation = hello.incarnation();
      l.appliedLsn = 0;
    }
    l.disconnectedAtMillis = 0;
    l.connection = c;
    l.address = hello.advertisedAddress();
    l.durableLsn = Math.min(hello.lastDurableLsn(), replicationLog.lastLsn());
    l.lastAckMillis = System.currentTimeMillis();
    l.lastProgressMillis = l.lastAckMillis;
    byConnection.put(c, l);
    c.authenticated();
    c.send(accepted.welcome());
    log.atInfo()
        .addKeyValue("slave", l.nodeId)
        .addKeyValue("peer", c.remoteAddress())
        .addKeyValue("lsn", hello.lastDurableLsn())
        .addKeyValue("mode", accepted.mode())
        .log("slave registered");
    if (accepted.mode() == StartMode.SNAPSHOT) {
      startSnapshot(l);
    } else {
      l.nextLsn = hello.lastDurableLsn() + 1;
      l.state = LinkState.STREAMING;
      pump(l);
    }
    ackListener.acknowledged();
  }

  private void onAck(FollowerLink l, Ack ack) {
    if (ack.epoch() != settings.epoch()) {
      refuse(
          l.connection,
          "ack from epoch " + ack.epoch() + ", this master is in epoch " + settings.epoch());
      return;
    }
    if (ack.durableLsn() > replicationLog.lastLsn()) {
      refuse(
          l.connection,
          "ack of LSN "
              + ack.durableLsn()
              + " beyond the master's log end "
              + replicationLog.lastLsn());
      return;
    }
    long now = System.currentTimeMillis();
    l.lastAckMillis = now;
    if (ack.appliedLsn() > l.appliedLsn) {
      l.appliedLsn = ack.appliedLsn();
      ackListener.acknowledged();
    }
    if (ack.durableLsn() > l.durableLsn) {
      l.durableLsn = ack.durableLsn();
      l.lastProgressMillis = now;
      ackListener.acknowledged();
    } else if (l.nextLsn - 1 <= l.durableLsn) {
      l.lastProgressMillis = now;
    } else if (l.snapshot == null && now - l.lastProgressMillis > STALL_MILLIS) {
      log.atWarn()
          .addKeyValue("slave", l.nodeId)
          .addKeyValue("durable", l.durableLsn)
          .addKeyValue("sent", l.nextLsn - 1)
          .log("slave stalled; resending from its durable LSN");
      l.closeCursor();
      l.nextLsn = l.durableLsn + 1;
      l.lastProgressMillis = now;
    }
    pump(l);
  }

  private void refuse(PeerConnection c, String reason) {
    log.atWarn()
        .addKeyValue("peer", c == null ? "?" : c.remoteAddress())
        .log("closing replication connection: {}", reason);
    if (c != null) {
      c.close();
    }
  }

  // ---- streaming

  private void schedulePumpAll() {
    if (pumpQueued.compareAndSet(false, true)) {
      thread.execute(
          () -> {
            pumpQueued.set(false);
            byConnection.values().forEach(this::pump);
          });
    }
  }

  private void pump(FollowerLink l) {
    PeerConnection c = l.connection;
    if (c == null || !c.isOpen()) {
      return;
    }
    try {
      if (l.state == LinkState.SNAPSHOT) {
        pumpSnapshot(l, c);
        return;
      }
      if (l.state != LinkState.STREAMING && l.state != LinkState.CATCHING_UP) {
        return;
      }
      long durable = replicationLog.durableLsn();
      l.state =
          durable - l.durableLsn > CATCHING_UP_ENTRIES
              ? LinkState.CATCHING_UP
              : LinkState.STREAMING;
      while (c.isWritable()
          && l.nextLsn <= durable
          && l.nextLsn - l.durableLsn <= MAX_IN_FLIGHT_ENTRIES) {
        if (l.cursor == null) {
          l.cursor = replicationLog.read(l.nextLsn);
        }
        List<Entries.Entry> batch = new ArrayList<>();
        long bytes = 0;
        while (batch.size() < MAX_BATCH_ENTRIES && bytes < MAX_BATCH_BYTES) {
          LogEntry e = l.cursor.next();
          if (e == null) {
            break;
          }
          batch.add(new Entries.Entry(e.lsn(), e.payload()));
          bytes += e.payload().length;
        }
        if (batch.isEmpty()) {
          break;
        }
        c.send(new Entries(settings.epoch(), durable, batch));
        l.nextLsn = batch.get(batch.size() - 1).lsn() + 1;
      }
    } catch (LogTruncatedException e) {
      log.atInfo()
          .addKeyValue("slave", l.nodeId)
          .addKeyValue("needed", l.nextLsn)
          .addKeyValue("first", e.firstAvailableLsn())
          .log("log no longer reaches the slave");
      l.closeCursor();
      startSnapshot(l);
    } catch (Exception e) {
      log.atWarn().setCause(e).addKeyValue("slave", l.nodeId).log("streaming failed");
      l.closeCursor();
      c.close();
    }
  }

  private void startSnapshot(FollowerLink l) {
    l.state = LinkState.SNAPSHOT;
    PeerConnection c = l.connection;
    snapshotThread.execute(
        () -> {
          if (!c.isOpen()) {
            // The slave left while this waited behind other snapshots: do not build it.
            return;
          }
          try {
            Snapshot s = snapshots.create();
            thread.execute(
                () -> {
                  if (l.connection != c || !c.isOpen()) {
                    s.delete();
                    return;
                  }
                  l.snapshot = new SnapshotTransfer(s, settings.epoch());
                  pump(l);
                });
          } catch (Exception e) {
            log.atWarn().setCause(e).addKeyValue("slave", l.nodeId).log("snapshot failed");
            c.close();
          }
        });
  }

  private void pumpSnapshot(FollowerLink l, PeerConnection c) throws Exception {
    SnapshotTransfer t = l.snapshot;
    if (t == null) {
      return;
    }
    while (c.isWritable()) {
      ReplicationMessage m = t.next();
      if (m == null) {
        break;
      }
      c.send(m);
    }
    if (t.done()) {
      l.nextLsn = t.lsn() + 1;
      t.close();
      l.snapshot = null;
      l.state = LinkState.STREAMING;
      log.atInfo()
          .addKeyValue("slave", l.nodeId)
          .addKeyValue("lsn", l.nextLsn - 1)
          .log("snapshot sent");
      pump(l);
    }
  }

  @Override
  public void close() {
    CountDownLatch closed = new CountDownLatch(1);
    try {
      thread.execute(
          () -> {
            try {
              byConnection.keySet().forEach(PeerConnection::close);
              links.values().forEach(FollowerLink::closeCursor);
            } finally {
              closed.countDown();
            }
          });
    } catch (RejectedExecutionException e) {
      closed.countDown(); // the loop is gone, and with it the connections
    }
    snapshotThread.shutdownNow();
    try {
      if (ownsThread) {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
      } else {
        closed.await(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
