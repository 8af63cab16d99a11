package io.distdb.node;

import io.distdb.adminapi.NodeStatus;
import io.distdb.node.admin.AdminEndpoints;
import io.distdb.node.admin.AdminServer;
import io.distdb.node.config.NodeConfig;
import io.distdb.node.storage.DatabaseChecksum;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node whose data is damaged ({@link DamagedData}): it serves no SQL and no replication, only its
 * admin API, saying so. {@code /healthz} passes (the process is fine and a restart would fail
 * again), {@code /readyz} fails, and {@code /status} reports state {@code failed} with a failure
 * that starts with "corrupt data", which the operator reads as a lost volume: it deletes the
 * slave's pod and claim, and the new slave re-seeds from its master. Nothing on the volume is
 * touched here: a master's damaged data stays for a human to inspect.
 */
public final class DamagedNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DamagedNode.class);

  private final AdminServer admin;

  private DamagedNode(AdminServer admin) {
    this.admin = admin;
  }

  /** Serves the failure on the configured admin address. */
  static DamagedNode serve(NodeConfig config, String damage) throws InterruptedException {
    log.atError()
        .addKeyValue("role", config.role().wireName())
        .addKeyValue("dataDir", config.dataDir())
        .log("not serving: {}", damage);
    return new DamagedNode(
        new AdminServer(
            config.bind(), config.adminPort(), endpoints(config, damage), config.adminToken()));
  }

  public int adminPort() {
    return admin.port();
  }

  private static AdminEndpoints endpoints(NodeConfig config, String damage) {
    long startedAt = System.currentTimeMillis();
    return new AdminEndpoints() {
      @Override
      public String notLiveReason() {
        return null;
      }

      @Override
      public String notReadyReason() {
        return "failed: " + damage;
      }

      @Override
      public NodeStatus status() {
        return new NodeStatus(
            config.nodeId(),
            config.role().wireName(),
            "failed",
            damage,
            List.of(),
            0,
            0,
            0,
            0,
            0,
            0,
            (System.currentTimeMillis() - startedAt) / 1000,
            config.replication().clusterId(),
            config.replication().epoch(),
            null,
            null,
            0);
      }

      @Override
      public Map<String, DatabaseChecksum.Result> checksums() {
        return Map.of();
      }

      @Override
      public String metrics() {
        return "";
      }
    };
  }

  @Override
  public void close() {
    admin.close();
  }
}
