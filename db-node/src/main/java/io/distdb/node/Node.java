package io.distdb.node;

import io.distdb.adminapi.MasterReplicationStatus;
import io.distdb.adminapi.NodeStatus;
import io.distdb.node.admin.AdminEndpoints;
import io.distdb.node.admin.AdminServer;
import io.distdb.node.admin.NodeMetrics;
import io.distdb.node.command.CommandApplier;
import io.distdb.node.command.LogReplay;
import io.distdb.node.config.ClientLimits;
import io.distdb.node.config.DataDirectory;
import io.distdb.node.config.FileModes;
import io.distdb.node.config.NodeConfig;
import io.distdb.node.config.NodeState;
import io.distdb.node.config.ReplicationConfig;
import io.distdb.node.config.Role;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.pgwire.PgLimits;
import io.distdb.node.pgwire.PgServer;
import io.distdb.node.pgwire.PgServerConfig;
import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.StaticCredentials;
import io.distdb.node.replication.Checkpointer;
import io.distdb.node.replication.CommitGate;
import io.distdb.node.replication.Follower;
import io.distdb.node.replication.LogRetention;
import io.distdb.node.replication.Primary;
import io.distdb.node.replication.ReplicationSettings;
import io.distdb.node.replication.SnapshotSource;
import io.distdb.node.replication.SyncCommitGate;
import io.distdb.node.replication.wire.ReconnectBackoff;
import io.distdb.node.replication.wire.ReplicationClient;
import io.distdb.node.replication.wire.ReplicationEventLoop;
import io.distdb.node.replication.wire.ReplicationServer;
import io.distdb.node.replication.wire.ReplicationWireConfig;
import io.distdb.node.service.DiskReserve;
import io.distdb.node.service.LocalWriteExecutor;
import io.distdb.node.service.NodeHealth;
import io.distdb.node.service.NodeSqlService;
import io.distdb.node.service.ReadOnlyWriteExecutor;
import io.distdb.node.service.SessionRegistry;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlService;
import io.distdb.node.service.TimeoutSetting;
import io.distdb.node.service.WriteExecutor;
import io.distdb.node.storage.DatabaseChecksum;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running database node, wired by constructors: log, storage, recovery, write path,
 * replication, client protocol and admin API. {@link NodeMain} starts one from the command line;
 * tests start several in one JVM.
 */
public final class Node implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Node.class);
  public static final String SERVER_VERSION = "15.0 (distdb 0.1.0)";

  /** The database every node has besides the configured default, as every PostgreSQL server has. */
  public static final String POSTGRES_DATABASE = "postgres";

  private static final long CHECKPOINT_INTERVAL_MILLIS = 2_000;

  /** How often files the storage engine created are brought to mode 0600. */
  private static final long FILE_MODE_INTERVAL_MILLIS = 5_000;

  private final NodeConfig config;
  private final long startedAt = System.currentTimeMillis();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private NodeHealth health = new NodeHealth();
  private final SessionRegistry sessions = new SessionRegistry();
  private ReplicationLog replicationLog;
  private NodeState nodeState;
  private Storage storage;
  private NodeMetrics metrics;
  private PgServer pgServer;
  private AdminServer adminServer;
  private Primary primary;
  private SyncCommitGate syncGate;
  private ReplicationServer replicationServer;
  private Follower follower;
  private volatile boolean ready;
  private ScheduledExecutorService maintenance;

  private NodeSqlService service;

  private Node(NodeConfig config) {
    this.config = config;
  }

  /** Recovers the node's state from its data directory and starts serving. */
  public static Node start(NodeConfig config) throws Exception {
    Node node = new Node(config);
    try {
      node.boot();
      return node;
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
  }

  private void boot() throws Exception {
    DataDirectory.check(config.dataDir(), config.minFreeBytes());
    nodeState = NodeState.open(config.dataDir());
    // The same reserve start-up demands is kept free at run time: see DiskReserve.
    health = new NodeHealth(DiskReserve.of(config.dataDir(), config.minFreeBytes()));
    replicationLog =
        own(
            ReplicationLog.open(
                config.dataDir().resolve("log"),
                new LogOptions(config.logSegmentBytes(), config.fsync())));
    storage = own(new Storage(config.dataDir().resolve("databases")));
    storage.openAll();
    try (CommandApplier applier = new CommandApplier(storage)) {
      LogReplay.Replayed replayed =
          LogReplay.replay(replicationLog, storage, applier, nodeState.checkpointLsn());
      // Entries carry their epoch durably; the record also keeps one learned without entries.
      nodeState.advanceEpoch(Math.max(replayed.lastEpoch(), config.replication().epoch()));
    }
    WriteExecutor writes = config.role() == Role.MASTER ? startMaster() : startSlave();
    service =
        new NodeSqlService(
            storage,
            writes,
            sessions,
            SERVER_VERSION,
            Clock.systemUTC(),
            config.role() == Role.MASTER ? EngineUser.WRITER : EngineUser.READER,
            health,
            Map.of(
                TimeoutSetting.STATEMENT_TIMEOUT,
                String.valueOf(config.clientLimits().statementTimeoutMillis()),
                TimeoutSetting.IDLE_IN_TRANSACTION_TIMEOUT,
                String.valueOf(config.clientLimits().idleInTransactionTimeoutMillis())));
    metrics = own(new NodeMetrics(replicationLog, sessions));
    metrics.bindReplication(this::status);
    pgServer = own(new PgServer(pgConfig(), service, authenticator()));
    pgServer.start();
    adminServer =
        own(new AdminServer(config.bind(), config.adminPort(), endpoints(), config.adminToken()));
    FileModes.restrictTree(config.dataDir());
    scheduleFileModes();
    scheduleEpochRecord();
    if (config.adminToken() == null) {
      log.atInfo().log("no admin token: /status, /checksums and /metrics are open to anyone");
    }
    ready = true;
    log.atInfo()
        .addKeyValue("node", config.nodeId())
        .addKeyValue("role", config.role().wireName())
        .addKeyValue("pgPort", pgPort())
        .addKeyValue("adminPort", adminPort())
        .addKeyValue("replicationPort", replicationPort())
        .addKeyValue("lastLsn", replicationLog.lastLsn())
        .log("node ready");
  }

  private ReplicationSettings replicationSettings() {
    ReplicationConfig r = config.replication();
    byte[] secret = r.secret() == null ? null : r.secret().getBytes(StandardCharsets.UTF_8);
    return new ReplicationSettings(
        r.clusterId(),
        config.nodeId(),
        nodeState.epoch(),
        secret,
        r.sync(),
        r.waitForApply(),
        r.minSyncAcks(),
        Duration.ofMillis(r.ackTimeoutMillis()),
        r.degradeOnTimeout(),
        r.logRetentionBytes(),
        config.incarnation());
  }

  private WriteExecutor startMaster() throws Exception {
    ReplicationConfig r = config.replication();
    if (r.secret() == null) {
      LocalWriteExecutor writes =
          own(
              new LocalWriteExecutor(
                  storage,
                  replicationLog,
                  CommitGate.LOCAL,
                  health,
                  sessions,
                  config.lockTimeoutMillis(),
                  nodeState.epoch()));
      ensureDefaultDatabase(writes);
      log.atInfo().log("no replication secret: this master runs without slaves");
      scheduleCheckpoints(
          new Checkpointer(storage, nodeState, writes::committedThrough), () -> Long.MAX_VALUE);
      return writes;
    }
    ReplicationSettings settings = replicationSettings();
    AtomicReference<Primary> primaryRef = new AtomicReference<>();
    syncGate =
        new SyncCommitGate(
            settings,
            lsn ->
                settings.waitForApply()
                    ? primaryRef.get().appliedCount(lsn)
                    : primaryRef.get().durableCount(lsn),
            ignored -> replicationLog.lastLsn());
    LocalWriteExecutor writes =
        own(
            new LocalWriteExecutor(
                storage,
                replicationLog,
                syncGate,
                health,
                sessions,
                config.lockTimeoutMillis(),
                nodeState.epoch()));
    SnapshotSource snapshots =
        new SnapshotSource(storage, replicationLog, writes, workDir("snapshots"));
    // A slave gone longer than the log is kept for it is forgotten: it needs a snapshot anyway.
    // The primary's state lives on the slaves' event loop: acks and sends need no hand-off.
    ReplicationEventLoop replicationLoop = own(new ReplicationEventLoop());
    primary =
        own(
            new Primary(
                settings,
                replicationLog,
                snapshots,
                syncGate,
                r.logRetentionMillis(),
                Primary.HANDSHAKE_TIMEOUT_MILLIS,
                replicationLoop.executor()));
    primaryRef.set(primary);
    replicationServer =
        own(
            new ReplicationServer(
                config.bind(),
                r.port(),
                ReplicationWireConfig.defaults(),
                primary,
                replicationLoop));
    ensureDefaultDatabase(writes);
    scheduleCheckpoints(
        new Checkpointer(storage, nodeState, writes::committedThrough), primary::slowestDurableLsn);
    return writes;
  }

  private WriteExecutor startSlave() {
    ReplicationConfig r = config.replication();
    AtomicReference<ReplicationClient> clientRef = new AtomicReference<>();
    Checkpointer checkpointer = new Checkpointer(storage, nodeState, () -> follower.appliedLsn());
    follower =
        own(
            new Follower(
                replicationSettings(),
                r.master(),
                r.advertise(),
                replicationLog,
                storage,
                replicationLog.lastLsn(),
                workDir("snapshots"),
                checkpointer,
                () -> clientRef.get().connectionEstablished()));
    ReplicationClient client =
        own(
            new ReplicationClient(
                r.masterHost(),
                r.masterPort(),
                ReplicationWireConfig.defaults(),
                follower,
                new ReconnectBackoff()));
    clientRef.set(client);
    client.start();
    scheduleCheckpoints(checkpointer, () -> Long.MAX_VALUE);
    return new ReadOnlyWriteExecutor(config.writeTarget());
  }

  private Path workDir(String name) {
    return config.dataDir().resolve(name);
  }

  /** The thread for periodic housekeeping (log retention, file modes), created on first use. */
  private ScheduledExecutorService maintenance() {
    if (maintenance == null) {
      maintenance =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "node-maintenance");
                t.setDaemon(true);
                return t;
              });
      own(maintenance::shutdownNow);
    }
    return maintenance;
  }

  /**
   * Checkpoints and then log retention, from the same checkpoint, every couple of seconds.
   *
   * @param replicaFloor the lowest LSN a slave still needs minus one (Long.MAX_VALUE: none)
   */
  private void scheduleCheckpoints(Checkpointer checkpointer, LongSupplier replicaFloor) {
    ReplicationConfig r = config.replication();
    LogRetention retention =
        new LogRetention(
            replicationLog,
            replicaFloor,
            r.logRetentionBytes(),
            Duration.ofMillis(r.logRetentionMillis()));
    maintenance()
        .scheduleWithFixedDelay(
            () -> {
              try {
                retention.runOnce(checkpointer.runOnce());
              } catch (Exception e) {
                log.atDebug().log("checkpoint or log retention pass skipped: {}", e.toString());
              }
            },
            CHECKPOINT_INTERVAL_MILLIS,
            CHECKPOINT_INTERVAL_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /**
   * A slave adopts a newer master's epoch in the handshake; the entries it then appends carry that
   * epoch durably, and this records it in {@code node-state} as well (for a slave that learns an
   * epoch before any entry of it arrives).
   */
  private void scheduleEpochRecord() {
    if (follower == null) {
      return;
    }
    maintenance()
        .scheduleWithFixedDelay(
            () -> {
              try {
                nodeState.advanceEpoch(follower.epoch());
              } catch (java.io.IOException e) {
                log.atWarn().log("cannot record the epoch: {}", e.getMessage());
              }
            },
            1_000,
            1_000,
            TimeUnit.MILLISECONDS);
  }

  private void scheduleFileModes() {
    maintenance()
        .scheduleWithFixedDelay(
            () -> FileModes.restrictTree(config.dataDir()),
            FILE_MODE_INTERVAL_MILLIS,
            FILE_MODE_INTERVAL_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /**
   * Creates the configured default database and {@code postgres} on a master's first start, through
   * the log like any {@code CREATE DATABASE}, so every slave has them too. Tools (createdb, pgcli,
   * Django's test runner) connect to {@code postgres} before anything else, as on PostgreSQL.
   */
  private void ensureDefaultDatabase(LocalWriteExecutor writes) throws SqlException {
    for (String name : List.of(config.defaultDatabase(), POSTGRES_DATABASE)) {
      if (!storage.exists(new DatabaseName(name))) {
        writes.bootstrapDatabase(name);
      }
    }
  }

  private PgServerConfig pgConfig() {
    return new PgServerConfig(
        config.bind(),
        config.pgPort(),
        config.maxMessageBytes(),
        SERVER_VERSION,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        pgLimits(config.clientLimits()));
  }

  private static PgLimits pgLimits(ClientLimits c) {
    return new PgLimits(
        c.maxConnections(),
        c.reservedConnections(),
        PgLimits.addresses(c.reservedFrom()),
        c.authenticationTimeoutMillis(),
        c.maxPreparedStatements());
  }

  private Authenticator authenticator() {
    return config.trustAuth()
        ? Authenticator.trust()
        : Authenticator.scramSha256(new StaticCredentials(config.user(), config.password()));
  }

  private AdminEndpoints endpoints() {
    return new AdminEndpoints() {
      @Override
      public String notLiveReason() {
        return health.failure();
      }

      @Override
      public String notReadyReason() {
        if (!ready) {
          return "starting";
        }
        String failure = failure();
        if (failure != null) {
          return "failed: " + failure;
        }
        if (follower != null && !follower.hasCaughtUp()) {
          return "catching up: this replica has not yet applied what its master had";
        }
        return null;
      }

      @Override
      public NodeStatus status() {
        return Node.this.status();
      }

      @Override
      public Map<String, DatabaseChecksum.Result> checksums() {
        return Node.this.checksums();
      }

      @Override
      public String metrics() {
        return metrics.scrape();
      }
    };
  }

  private String failure() {
    if (!health.isHealthy()) {
      return health.failure();
    }
    return follower == null ? null : follower.failure();
  }

  public NodeStatus status() {
    String failure = failure();
    String state =
        failure != null
            ? "failed"
            : !ready
                ? "starting"
                : follower != null && !follower.hasCaughtUp() ? "catching-up" : "ready";
    ReplicationConfig r = config.replication();
    MasterReplicationStatus master =
        primary == null
            ? null
            : new MasterReplicationStatus(
                r.waitForApply() ? "remote-apply" : r.sync() ? "sync" : "async",
                r.minSyncAcks(),
                r.ackTimeoutMillis(),
                r.degradeOnTimeout() ? "degrade" : "fail",
                syncGate.degraded(),
                syncGate.timeouts(),
                r.logRetentionBytes(),
                r.logRetentionMillis(),
                primary.status());
    long applied = follower != null ? follower.appliedLsn() : replicationLog.durableLsn();
    long epoch = follower != null ? follower.epoch() : nodeState.epoch();
    return new NodeStatus(
        config.nodeId(),
        config.role().wireName(),
        state,
        failure,
        storage.names(),
        replicationLog.lastLsn(),
        replicationLog.durableLsn(),
        applied,
        replicationLog.firstLsn(),
        replicationLog.sizeBytes(),
        sessions.total(),
        (System.currentTimeMillis() - startedAt) / 1000,
        r.clusterId(),
        epoch,
        master,
        follower == null ? null : follower.status(),
        nodeState.checkpointLsn());
  }

  /** Every database's checksum and the applied LSN it describes. */
  public Map<String, DatabaseChecksum.Result> checksums() {
    Map<String, DatabaseChecksum.Result> out = new LinkedHashMap<>();
    for (String name : storage.names()) {
      out.put(name, DatabaseChecksum.compute(storage, new DatabaseName(name)));
    }
    return out;
  }

  public int pgPort() {
    return pgServer.port();
  }

  public int adminPort() {
    return adminServer.port();
  }

  /** The replication port a master listens on, or -1. */
  public int replicationPort() {
    return replicationServer == null ? -1 : replicationServer.port();
  }

  /** The SQL service clients' sessions open on (start-up training runs statements through it). */
  SqlService sqlService() {
    return service;
  }

  public NodeConfig config() {
    return config;
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.push(resource);
    return resource;
  }

  /** Stops serving, then closes everything in reverse order of creation. */
  @Override
  public void close() {
    ready = false;
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        log.atWarn()
            .addKeyValue("resource", r.getClass().getSimpleName())
            .log("close failed: {}", e.toString());
      }
    }
  }
}
