package io.distdb.node.config;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node's command line. Every option can also come from a config file ({@code --config}) or an
 * environment variable {@code DISTDB_<OPTION>} (see {@code io.distdb.adminapi.NodeEnvironment}).
 */
@Command(
    name = "db-node",
    mixinStandardHelpOptions = true,
    version = "distdb db-node 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "A distdb database node: PostgreSQL protocol, durable replication log, embedded storage.",
      "Each option may also be set in the --config file (key = option name without dashes)",
      "or as the environment variable DISTDB_<OPTION> (e.g. DISTDB_PG_PORT); the command line",
      "wins over the file, the file over the environment."
    })
public final class NodeOptions {

  static final Map<String, String> BUILT_IN =
      Map.ofEntries(
          Map.entry("node-id", "node-1"),
          Map.entry("role", "master"),
          Map.entry("data-dir", "data"),
          Map.entry("bind", "0.0.0.0"),
          Map.entry("pg-port", "5432"),
          Map.entry("admin-port", "8080"),
          Map.entry("user", "distdb"),
          Map.entry("auth", "scram"),
          Map.entry("default-database", "distdb"),
          Map.entry("lock-timeout-ms", "30000"),
          Map.entry("fsync", "true"),
          Map.entry("log-segment-bytes", "67108864"),
          Map.entry("min-free-bytes", "67108864"),
          Map.entry("max-message-bytes", "67108864"),
          Map.entry("write-target", ""),
          Map.entry("replication-port", "7432"),
          Map.entry("master", ""),
          Map.entry("advertise", ""),
          Map.entry("cluster-id", "distdb"),
          Map.entry("epoch", "1"),
          Map.entry("sync-mode", "async"),
          Map.entry("min-sync-acks", "1"),
          Map.entry("ack-timeout-ms", "5000"),
          Map.entry("on-ack-timeout", "fail"),
          Map.entry("log-retention-bytes", "1073741824"),
          Map.entry("log-retention-ms", "86400000"),
          Map.entry("max-connections", "100"),
          Map.entry("reserved-connections", "3"),
          Map.entry("reserved-connections-from", "127.0.0.1,::1"),
          Map.entry("authentication-timeout-ms", "60000"),
          Map.entry("max-prepared-statements", "10000"),
          Map.entry("statement-timeout-ms", "0"),
          Map.entry("idle-in-transaction-session-timeout-ms", "0"),
          Map.entry("admin-token", ""),
          Map.entry("incarnation", ""));

  @Option(names = "--config", description = "Properties file with option values.")
  Path config;

  @Option(names = "--node-id", description = "This node's id (default: ${DEFAULT-VALUE}).")
  String nodeId;

  @Option(names = "--role", description = "master or slave (default: ${DEFAULT-VALUE}).")
  String role;

  @Option(
      names = "--data-dir",
      description = "Directory for the log and databases" + " (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--pg-port",
      description =
          "PostgreSQL protocol port; 0 picks a free one" + " (default: ${DEFAULT-VALUE}).")
  int pgPort;

  @Option(
      names = "--admin-port",
      description =
          "Admin HTTP port (/healthz /readyz /status"
              + " /metrics); 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(
      names = "--user",
      description = "The database user clients log in as" + " (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--password",
      description =
          "The user's password. Prefer --password-file or"
              + " DISTDB_PASSWORD: command lines are visible to other local users.")
  String password;

  @Option(names = "--password-file", description = "File whose first line is the password.")
  Path passwordFile;

  @Option(
      names = "--auth",
      description =
          "scram (SCRAM-SHA-256) or trust (no password)" + " (default: ${DEFAULT-VALUE}).")
  String auth;

  @Option(
      names = "--default-database",
      description = "Database created at first start" + " (default: ${DEFAULT-VALUE}).")
  String defaultDatabase;

  @Option(
      names = "--lock-timeout-ms",
      description =
          "How long a write waits for its database's"
              + " writer before failing with 55P03 (default: ${DEFAULT-VALUE}).")
  long lockTimeoutMillis;

  @Option(
      names = "--fsync",
      arity = "1",
      description =
          "fsync the log before acknowledging"
              + " writes; false only for throwaway benchmarks (default: ${DEFAULT-VALUE}).")
  boolean fsync;

  @Option(
      names = "--log-segment-bytes",
      description =
          "Size at which the log starts a new" + " segment file (default: ${DEFAULT-VALUE}).")
  long logSegmentBytes;

  @Option(
      names = "--min-free-bytes",
      description =
          "Refuse to start with less free disk space"
              + " than this in the data directory (default: ${DEFAULT-VALUE}).")
  long minFreeBytes;

  @Option(
      names = "--max-message-bytes",
      description = "Largest protocol message a client may" + " send (default: ${DEFAULT-VALUE}).")
  int maxMessageBytes;

  @Option(
      names = "--write-target",
      description =
          "Where a slave tells clients to send writes" + " (default: the master's address).")
  String writeTarget;

  @Option(
      names = "--replication-port",
      description =
          "Port a master accepts slaves on; 0 picks" + " a free one (default: ${DEFAULT-VALUE}).")
  int replicationPort;

  @Option(
      names = "--master",
      description = "For a slave: the master's replication address," + " host:port.")
  String master;

  @Option(
      names = "--advertise",
      description =
          "host:port clients use to reach this node's"
              + " PostgreSQL port, reported to the master (default: bind:pg-port).")
  String advertise;

  @Option(
      names = "--cluster-id",
      description =
          "Name of the replication cluster; master and"
              + " slaves must agree (default: ${DEFAULT-VALUE}).")
  String clusterId;

  @Option(
      names = "--epoch",
      description =
          "Replication epoch (term); a node refuses messages"
              + " from a lower one (default: ${DEFAULT-VALUE}).")
  long epoch;

  @Option(
      names = "--replication-secret",
      description =
          "Shared secret (at least 16 characters)"
              + " that master and slaves prove they know. Prefer --replication-secret-file or"
              + " DISTDB_REPLICATION_SECRET. Without one a master does not accept slaves.")
  String replicationSecret;

  @Option(
      names = "--replication-secret-file",
      description = "File whose first line is the" + " replication secret.")
  Path replicationSecretFile;

  @Option(
      names = "--sync-mode",
      description =
          "async: acknowledge writes once the master's log"
              + " has them; sync: also wait until --min-sync-acks slaves have them durably; remote-apply:"
              + " until they have applied them, so reads there see them (default: ${DEFAULT-VALUE}).")
  String syncMode;

  @Option(
      names = "--min-sync-acks",
      description =
          "Slaves that must have a write durably in" + " sync mode (default: ${DEFAULT-VALUE}).")
  int minSyncAcks;

  @Option(
      names = "--ack-timeout-ms",
      description = "How long a sync commit waits for slaves" + " (default: ${DEFAULT-VALUE}).")
  long ackTimeoutMillis;

  @Option(
      names = "--on-ack-timeout",
      description =
          "fail: the write fails with SQLSTATE 40003;"
              + " degrade: continue asynchronously until slaves catch up (default: ${DEFAULT-VALUE}).")
  String onAckTimeout;

  @Option(
      names = "--log-retention-bytes",
      description =
          "Log kept for lagging slaves; a slave"
              + " further behind gets a snapshot (default: ${DEFAULT-VALUE}).")
  long logRetentionBytes;

  @Option(
      names = "--log-retention-ms",
      description =
          "Age after which log kept only for a"
              + " lagging slave is released; that slave then gets a snapshot (default: ${DEFAULT-VALUE}).")
  long logRetentionMillis;

  @Option(
      names = "--max-connections",
      description =
          "PostgreSQL connections served at once (max_connections); beyond it clients get"
              + " 53300 (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--reserved-connections",
      description =
          "Of --max-connections, how many only clients from --reserved-connections-from may use"
              + " (default: ${DEFAULT-VALUE}).")
  int reservedConnections;

  @Option(
      names = "--reserved-connections-from",
      description =
          "Comma-separated IP addresses that may use the reserved slots; by default loopback, i.e."
              + " psql run inside the pod (default: ${DEFAULT-VALUE}).")
  String reservedConnectionsFrom;

  @Option(
      names = "--authentication-timeout-ms",
      description =
          "A connection that has not authenticated this long after accept is closed"
              + " (authentication_timeout; default: ${DEFAULT-VALUE}).")
  long authenticationTimeoutMillis;

  @Option(
      names = "--max-prepared-statements",
      description =
          "Named prepared statements (and named portals) one session may hold; beyond it 54000"
              + " (default: ${DEFAULT-VALUE}).")
  int maxPreparedStatements;

  @Option(
      names = "--statement-timeout-ms",
      description =
          "Default statement_timeout; sessions may SET their own; 0 = none"
              + " (default: ${DEFAULT-VALUE}).")
  long statementTimeoutMillis;

  @Option(
      names = "--idle-in-transaction-session-timeout-ms",
      description =
          "Default idle_in_transaction_session_timeout: a session idle this long inside a"
              + " transaction block is closed with 25P03; 0 = never (default: ${DEFAULT-VALUE}).")
  long idleInTransactionTimeoutMillis;

  @Option(
      names = "--admin-token",
      description =
          "Bearer token that /status, /checksums and /metrics require. Prefer"
              + " --admin-token-file or DISTDB_ADMIN_TOKEN. Without one those paths are open.")
  String adminToken;

  @Option(names = "--admin-token-file", description = "File whose first line is the admin token.")
  Path adminTokenFile;

  @Option(
      names = "--incarnation",
      description =
          "This run of the node (on Kubernetes the pod UID); a master counts acks only from the"
              + " newest incarnation of each slave id (default: a random UUID per start).")
  String incarnation;

  /** Parses the arguments; null when help or version was printed instead. */
  public static NodeOptions parse(String[] args, Map<String, String> env) {
    Path configFile = findConfig(args, env);
    NodeOptions options = new NodeOptions();
    CommandLine cli = new CommandLine(options);
    cli.setDefaultValueProvider(new NodeDefaults(configFile, env, BUILT_IN));
    CommandLine.ParseResult result = cli.parseArgs(args);
    if (CommandLine.printHelpIfRequested(result)) {
      return null;
    }
    return options;
  }

  /** The usage text, as --help prints it. */
  public static String usage() {
    CommandLine cli = new CommandLine(new NodeOptions());
    cli.setDefaultValueProvider(new NodeDefaults(null, Map.of(), BUILT_IN));
    return cli.getUsageMessage();
  }

  private static Path findConfig(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    String fromEnv = env.get(NodeDefaults.envName("config"));
    return fromEnv == null ? null : Path.of(fromEnv);
  }

  /** Validates and freezes the options. */
  public NodeConfig toConfig() {
    return NodeConfig.from(this);
  }
}
