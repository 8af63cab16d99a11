package io.distdb.node;

import io.distdb.adminapi.NodeStatus;
import io.distdb.node.admin.AdminEndpoints;
import io.distdb.node.admin.AdminServer;
import io.distdb.node.admin.NodeMetrics;
import io.distdb.node.command.CommandApplier;
import io.distdb.node.command.LogReplay;
import io.distdb.node.config.DataDirectory;
import io.distdb.node.config.NodeConfig;
import io.distdb.node.config.Role;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.pgwire.PgServer;
import io.distdb.node.pgwire.PgServerConfig;
import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.StaticCredentials;
import io.distdb.node.service.CommitGate;
import io.distdb.node.service.LocalWriteExecutor;
import io.distdb.node.service.NodeHealth;
import io.distdb.node.service.NodeSqlService;
import io.distdb.node.service.ReadOnlyWriteExecutor;
import io.distdb.node.service.SessionRegistry;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.WriteExecutor;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running database node, wired by constructors: log, storage, recovery, write path, client
 * protocol and admin API. {@link NodeMain} starts one from the command line; tests start several in
 * one JVM.
 */
public final class Node implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Node.class);
  public static final String SERVER_VERSION = "15.0 (distdb 0.1.0)";

  private final NodeConfig config;
  private final long startedAt = System.currentTimeMillis();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final NodeHealth health = new NodeHealth();
  private final SessionRegistry sessions = new SessionRegistry();
  private ReplicationLog replicationLog;
  private Storage storage;
  private NodeMetrics metrics;
  private PgServer pgServer;
  private AdminServer adminServer;
  private volatile boolean ready;

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
    replicationLog = own(ReplicationLog.open(config.dataDir().resolve("log"),
        new LogOptions(config.logSegmentBytes(), config.fsync())));
    storage = own(new Storage(config.dataDir().resolve("databases")));
    try (CommandApplier applier = new CommandApplier(storage)) {
      LogReplay.replay(replicationLog, storage, applier);
    }
    WriteExecutor writes = writeExecutor();
    ensureDefaultDatabase(writes);
    NodeSqlService service =
        new NodeSqlService(storage, writes, sessions, SERVER_VERSION, Clock.systemUTC());
    metrics = own(new NodeMetrics(replicationLog, sessions));
    pgServer = own(new PgServer(pgConfig(), service, authenticator()));
    pgServer.start();
    adminServer = own(new AdminServer(config.bind(), config.adminPort(), endpoints()));
    ready = true;
    log.atInfo().addKeyValue("node", config.nodeId()).addKeyValue("role", config.role().wireName())
        .addKeyValue("pgPort", pgPort()).addKeyValue("adminPort", adminPort())
        .addKeyValue("lastLsn", replicationLog.lastLsn()).log("node ready");
  }

  private WriteExecutor writeExecutor() {
    if (config.role() == Role.SLAVE) {
      return new ReadOnlyWriteExecutor(config.writeTarget().isEmpty() ? "the master"
          : config.writeTarget());
    }
    return own(new LocalWriteExecutor(storage, replicationLog, CommitGate.LOCAL, health, sessions,
        config.lockTimeoutMillis()));
  }

  private void ensureDefaultDatabase(WriteExecutor writes) throws SqlException {
    if (config.role() == Role.MASTER
        && !storage.exists(new DatabaseName(config.defaultDatabase()))) {
      writes.createDatabase(config.defaultDatabase());
    }
  }

  private PgServerConfig pgConfig() {
    return new PgServerConfig(config.bind(), config.pgPort(), config.maxMessageBytes(),
        SERVER_VERSION, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  private Authenticator authenticator() {
    return config.trustAuth()
        ? Authenticator.trust()
        : Authenticator.scramSha256(new StaticCredentials(config.user(), config.password()));
  }

  private AdminEndpoints endpoints() {
    return new AdminEndpoints() {
      @Override
      public String notReadyReason() {
        if (!ready) {
          return "starting";
        }
        return health.isHealthy() ? null : "failed: " + health.failure();
      }

      @Override
      public NodeStatus status() {
        return Node.this.status();
      }

      @Override
      public String metrics() {
        return metrics.scrape();
      }
    };
  }

  public NodeStatus status() {
    String state = !health.isHealthy() ? "failed" : ready ? "ready" : "starting";
    return new NodeStatus(config.nodeId(), config.role().wireName(), state, health.failure(),
        storage.names(), replicationLog.lastLsn(), replicationLog.durableLsn(),
        replicationLog.durableLsn(), replicationLog.firstLsn(), replicationLog.sizeBytes(),
        sessions.total(), (System.currentTimeMillis() - startedAt) / 1000);
  }

  public int pgPort() {
    return pgServer.port();
  }

  public int adminPort() {
    return adminServer.port();
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
        log.atWarn().addKeyValue("resource", r.getClass().getSimpleName())
            .log("close failed: {}", e.toString());
      }
    }
  }
}
