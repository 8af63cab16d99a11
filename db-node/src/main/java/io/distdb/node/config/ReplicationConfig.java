package io.distdb.node.config;

import java.util.List;
import java.util.Locale;

/**
 * How a node replicates.
 *
 * @param port the master's replication port
 * @param master for a slave, the master's replication address {@code host:port}; empty on a master
 * @param advertise the address clients use for this node's PostgreSQL port
 * @param secret the shared secret; null when replication is off (a master without slaves)
 * @param sync whether commits wait for slaves
 * @param waitForApply sync mode {@code remote-apply}: commits wait until slaves applied them
 * @param degradeOnTimeout on an ack timeout continue asynchronously instead of failing the write
 */
public record ReplicationConfig(
    int port,
    String master,
    String advertise,
    String clusterId,
    long epoch,
    String secret,
    boolean sync,
    boolean waitForApply,
    int minSyncAcks,
    long ackTimeoutMillis,
    boolean degradeOnTimeout,
    long logRetentionBytes,
    long logRetentionMillis) {

  /** The smallest secret accepted: shorter ones are guessable offline from a captured handshake. */
  public static final int MIN_SECRET_LENGTH = 16;

  static ReplicationConfig from(NodeOptions o, Role role) {
    NodeConfig.port("--replication-port", o.replicationPort);
    String secret =
        o.replicationSecretFile != null
            ? NodeConfig.firstLine("--replication-secret-file", o.replicationSecretFile)
            : o.replicationSecret;
    if (secret != null && secret.isEmpty()) {
      secret = null;
    }
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "the replication secret must have at least " + MIN_SECRET_LENGTH + " characters");
    }
    if (role == Role.SLAVE) {
      if (o.master.isEmpty()) {
        throw new IllegalArgumentException("--role slave needs --master host:port");
      }
      if (secret == null) {
        throw new IllegalArgumentException(
            "--role slave needs a replication secret"
                + " (--replication-secret-file or DISTDB_REPLICATION_SECRET)");
      }
      parseHostPort(o.master);
    }
    if (o.epoch < 1) {
      throw new IllegalArgumentException("--epoch must be at least 1");
    }
    String mode = o.syncMode.toLowerCase(Locale.ROOT);
    if (!List.of("async", "sync", "remote-apply").contains(mode)) {
      throw new IllegalArgumentException(
          "--sync-mode must be async, sync or remote-apply, not \"" + o.syncMode + "\"");
    }
    boolean sync = !mode.equals("async");
    boolean waitForApply = mode.equals("remote-apply");
    boolean degrade =
        switch (o.onAckTimeout.toLowerCase(Locale.ROOT)) {
          case "degrade" -> true;
          case "fail" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--on-ack-timeout must be fail or degrade, not \"" + o.onAckTimeout + "\"");
        };
    if (o.minSyncAcks < 0) {
      throw new IllegalArgumentException("--min-sync-acks must not be negative");
    }
    NodeConfig.positive("--ack-timeout-ms", o.ackTimeoutMillis);
    NodeConfig.positive("--log-retention-bytes", o.logRetentionBytes);
    NodeConfig.positive("--log-retention-ms", o.logRetentionMillis);
    String advertise = o.advertise.isEmpty() ? o.bind + ":" + o.pgPort : o.advertise;
    return new ReplicationConfig(
        o.replicationPort,
        o.master,
        advertise,
        o.clusterId,
        o.epoch,
        secret,
        sync,
        waitForApply,
        o.minSyncAcks,
        o.ackTimeoutMillis,
        degrade,
        o.logRetentionBytes,
        o.logRetentionMillis);
  }

  public String masterHost() {
    return parseHostPort(master)[0];
  }

  public int masterPort() {
    return Integer.parseInt(parseHostPort(master)[1]);
  }

  private static String[] parseHostPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("--master must be host:port, not \"" + value + "\"");
    }
    String port = value.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--master must be host:port, not \"" + value + "\"");
    }
    return new String[] {value.substring(0, colon), port};
  }
}
