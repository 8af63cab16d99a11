package io.distdb.node.replication;

import io.distdb.adminapi.SlaveReplicationStatus;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.replication.auth.HandshakeAuth;
import io.distdb.node.replication.wire.Ack;
import io.distdb.node.replication.wire.Challenge;
import io.distdb.node.replication.wire.Entries;
import io.distdb.node.replication.wire.Heartbeat;
import io.distdb.node.replication.wire.Hello;
import io.distdb.node.replication.wire.PeerConnection;
import io.distdb.node.replication.wire.PeerHandler;
import io.distdb.node.replication.wire.Reject;
import io.distdb.node.replication.wire.ReplicationMessage;
import io.distdb.node.replication.wire.SnapshotBegin;
import io.distdb.node.replication.wire.SnapshotChunk;
import io.distdb.node.replication.wire.SnapshotEnd;
import io.distdb.node.replication.wire.StartMode;
import io.distdb.node.replication.wire.Welcome;
import io.distdb.node.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's side of replication: proves itself to the master, appends the entries it streams to the
 * local log with the master's LSNs, acknowledges what is durable and what is applied, and installs
 * a snapshot when the master sends one. Network callbacks for one connection arrive on one thread,
 * which also fsyncs received entries and acknowledges them; applying runs on the {@link
 * ReplicaApplier}'s.
 */
public final class Follower implements PeerHandler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Follower.class);

  private final ReplicationSettings settings;
  private final String master;
  private final String advertisedAddress;
  private final ReplicationLog replicationLog;
  private final Storage storage;
  private final Path workDir;
  private final Checkpointer checkpointer;
  private final HandshakeAuth auth;
  private final ReplicaApplier applier;
  private final Runnable onEstablished;
  private volatile PeerConnection connection;
  private volatile String state = "connecting";
  private volatile long epoch;
  private volatile long masterLastLsn;
  private volatile long lastMessageMillis;
  private volatile String lastError;
  private byte[] clientNonce;
  private byte[] serverNonce;
  private volatile boolean established;
  private volatile boolean caughtUp;

  /** The master's last LSN when this replica first connected: what "caught up" means. */
  private volatile long catchUpTarget = Long.MAX_VALUE;

  private SnapshotReceiver snapshot;

  /** Entries arrived in the current read; {@link #readComplete} fsyncs and acks them. */
  private boolean ackDue;

  /**
   * @param onEstablished called after each successful handshake (resets the reconnect backoff)
   */
  public Follower(
      ReplicationSettings settings,
      String master,
      String advertisedAddress,
      ReplicationLog replicationLog,
      Storage storage,
      long appliedLsn,
      Path workDir,
      Checkpointer checkpointer,
      Runnable onEstablished) {
    this.settings = settings;
    this.master = master;
    this.advertisedAddress = advertisedAddress;
    this.replicationLog = replicationLog;
    this.storage = storage;
    this.workDir = workDir;
    this.checkpointer = checkpointer;
    this.epoch = settings.epoch();
    this.auth = new HandshakeAuth(settings.secret());
    this.onEstablished = onEstablished;
    this.applier = new ReplicaApplier(replicationLog, storage, appliedLsn, lsn -> applied());
  }

  public long appliedLsn() {
    return applier.appliedLsn();
  }

  public long epoch() {
    return epoch;
  }

  /** Why the replica stopped applying, or null. */
  public String failure() {
    return applier.failure();
  }

  public SlaveReplicationStatus status() {
    long ago = lastMessageMillis == 0 ? -1 : System.currentTimeMillis() - lastMessageMillis;
    return new SlaveReplicationStatus(
        master,
        state,
        masterLastLsn,
        Math.max(0, masterLastLsn - applier.appliedLsn()),
        ago,
        lastError);
  }

  @Override
  public void connected(PeerConnection c) {
    connection = c;
    established = false;
    state = "connecting";
  }

  @Override
  public void received(PeerConnection c, ReplicationMessage m) {
    lastMessageMillis = System.currentTimeMillis();
    try {
      if (m instanceof Challenge challenge) {
        hello(c, challenge);
      } else if (m instanceof Welcome welcome) {
        welcome(c, welcome);
      } else if (m instanceof Reject reject) {
        fail(c, "master refused this slave (" + reject.reason() + "): " + reject.message());
      } else if (!established) {
        fail(c, "message " + m.type() + " before the handshake completed");
      } else if (m instanceof Entries entries) {
        entries(c, entries);
      } else if (m instanceof Heartbeat heartbeat) {
        if (checkEpoch(c, heartbeat.epoch())) {
          masterLastLsn = Math.max(masterLastLsn, heartbeat.masterLastLsn());
          sendAck();
        }
      } else if (m instanceof SnapshotBegin begin) {
        closeSnapshot();
        state = "snapshot";
        snapshot = new SnapshotReceiver(workDir, begin);
      } else if (m instanceof SnapshotChunk chunk) {
        requireSnapshot().accept(chunk);
      } else if (m instanceof SnapshotEnd end) {
        installSnapshot(end);
      } else {
        fail(c, "unexpected message " + m.type() + " from the master");
      }
    } catch (IOException | RuntimeException e) {
      log.atWarn().setCause(e).log("replication from the master failed");
      fail(c, e.getMessage());
    }
  }

  private void hello(PeerConnection c, Challenge challenge) {
    serverNonce = challenge.serverNonce();
    clientNonce = auth.newNonce();
    long durable = replicationLog.durableLsn();
    byte[] proof =
        auth.slaveProof(
            serverNonce, clientNonce, settings.clusterId(), settings.nodeId(), epoch, durable);
    c.send(
        new Hello(
            ReplicationSettings.PROTOCOL_VERSION,
            settings.clusterId(),
            settings.nodeId(),
            epoch,
            durable,
            advertisedAddress,
            clientNonce,
            proof,
            settings.incarnation()));
  }

  private void welcome(PeerConnection c, Welcome welcome) {
    if (!auth.verifyMasterProof(welcome, clientNonce, serverNonce, settings.clusterId())) {
      fail(c, "the master could not prove it knows the replication secret");
      return;
    }
    if (welcome.epoch() < epoch) {
      fail(c, "master is in epoch " + welcome.epoch() + " but this node has seen epoch " + epoch);
      return;
    }
    epoch = welcome.epoch();
    established = true;
    lastError = null;
    masterLastLsn = welcome.masterLastLsn();
    if (catchUpTarget == Long.MAX_VALUE) {
      catchUpTarget = welcome.masterLastLsn();
    }
    state = welcome.mode() == StartMode.SNAPSHOT ? "snapshot" : "streaming";
    onEstablished.run();
    noteIfCaughtUp();
    log.atInfo()
        .addKeyValue("master", welcome.masterNodeId())
        .addKeyValue("epoch", epoch)
        .addKeyValue("mode", welcome.mode())
        .addKeyValue("lsn", replicationLog.durableLsn())
        .log("following master");
  }

  private void entries(PeerConnection c, Entries entries) throws IOException {
    if (!checkEpoch(c, entries.epoch())) {
      return;
    }
    masterLastLsn = Math.max(masterLastLsn, entries.masterDurableLsn());
    long first = 0;
    List<byte[]> payloads = new ArrayList<>(entries.entries().size());
    for (Entries.Entry e : entries.entries()) {
      if (e.lsn() <= replicationLog.lastLsn()) {
        continue; // resent after a reconnect or a stall: already here
      }
      if (first == 0) {
        first = e.lsn();
      }
      payloads.add(e.payload());
    }
    if (first > 0) {
      replicationLog.appendAllForOwnFlush(first, payloads);
    }
    ackDue = true;
  }

  /**
   * After a read: one fsync for every batch that read brought, on this (the connection's) thread,
   * and the ack straight after, so nothing is handed off between receiving an entry and
   * acknowledging it. While the fsync runs, further entries collect in the socket and the next read
   * takes them together.
   */
  @Override
  public void readComplete(PeerConnection c) {
    if (!ackDue) {
      return;
    }
    ackDue = false;
    try {
      replicationLog.awaitDurable(replicationLog.lastLsn());
    } catch (IOException e) {
      log.atWarn().setCause(e).log("cannot make received entries durable");
      fail(c, e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(c, "interrupted while making received entries durable");
      return;
    }
    sendAck();
  }

  private boolean checkEpoch(PeerConnection c, long messageEpoch) {
    if (messageEpoch < epoch) {
      fail(c, "message from epoch " + messageEpoch + " refused: this node is in epoch " + epoch);
      return false;
    }
    return true;
  }

  private SnapshotReceiver requireSnapshot() throws IOException {
    if (snapshot == null) {
      throw new IOException("snapshot chunk without a snapshot begin");
    }
    return snapshot;
  }

  private void installSnapshot(SnapshotEnd end) throws IOException {
    SnapshotReceiver received = requireSnapshot();
    Map<String, Path> files = received.finish(end);
    long lsn = received.lsn();
    checkpointer.whileStorageReplaced(
        () ->
            applier.reinstall(
                lsn,
                () -> {
                  storage.replaceAll(files);
                  try {
                    replicationLog.reset(lsn);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }));
    closeSnapshot();
    state = "streaming";
    log.atInfo()
        .addKeyValue("lsn", lsn)
        .addKeyValue("databases", files.keySet())
        .log("snapshot installed");
    sendAck();
  }

  private void applied() {
    noteIfCaughtUp();
    sendAck();
  }

  private void noteIfCaughtUp() {
    if (!caughtUp && established && applier.appliedLsn() >= catchUpTarget) {
      caughtUp = true;
      log.atInfo().addKeyValue("lsn", applier.appliedLsn()).log("caught up with the master");
    }
  }

  /**
   * Whether this replica has once applied everything its master had when it connected: until then
   * its reads could be arbitrarily stale, so it reports itself not ready.
   */
  public boolean hasCaughtUp() {
    return caughtUp;
  }

  private void sendAck() {
    PeerConnection c = connection;
    if (c != null && established && c.isOpen()) {
      c.send(new Ack(epoch, replicationLog.durableLsn(), applier.appliedLsn()));
    }
  }

  private void fail(PeerConnection c, String reason) {
    lastError = reason;
    log.atWarn().addKeyValue("master", master).log("replication connection closed: {}", reason);
    c.close();
  }

  private void closeSnapshot() {
    if (snapshot != null) {
      snapshot.close();
      snapshot = null;
    }
  }

  @Override
  public void disconnected(PeerConnection c) {
    readComplete(c); // appended entries must not wait for the next write to become durable
    if (connection == c) {
      connection = null;
      established = false;
      state = "disconnected";
      closeSnapshot();
    }
  }

  @Override
  public void close() {
    PeerConnection c = connection;
    if (c != null) {
      c.close();
    }
    applier.close();
    closeSnapshot();
  }
}
