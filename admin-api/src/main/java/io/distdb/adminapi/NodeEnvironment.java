package io.distdb.adminapi;

/**
 * How a db-node is configured from outside: the environment variables it reads (each also a {@code
 * --option} of the same name in lower-case kebab form, e.g. {@code DISTDB_PG_PORT} is {@code
 * --pg-port}) and its default ports. Command-line options win over a config file, which wins over
 * the environment, which wins over the defaults.
 */
public final class NodeEnvironment {

  public static final String NODE_ID = "DISTDB_NODE_ID";
  public static final String ROLE = "DISTDB_ROLE";
  public static final String DATA_DIR = "DISTDB_DATA_DIR";
  public static final String BIND = "DISTDB_BIND";
  public static final String PG_PORT = "DISTDB_PG_PORT";
  public static final String ADMIN_PORT = "DISTDB_ADMIN_PORT";
  public static final String REPLICATION_PORT = "DISTDB_REPLICATION_PORT";
  public static final String USER = "DISTDB_USER";
  public static final String PASSWORD = "DISTDB_PASSWORD";
  public static final String PASSWORD_FILE = "DISTDB_PASSWORD_FILE";
  public static final String AUTH = "DISTDB_AUTH";
  public static final String MASTER = "DISTDB_MASTER";
  public static final String ADVERTISE = "DISTDB_ADVERTISE";
  public static final String CLUSTER_ID = "DISTDB_CLUSTER_ID";
  public static final String EPOCH = "DISTDB_EPOCH";
  public static final String REPLICATION_SECRET = "DISTDB_REPLICATION_SECRET";
  public static final String REPLICATION_SECRET_FILE = "DISTDB_REPLICATION_SECRET_FILE";
  public static final String SYNC_MODE = "DISTDB_SYNC_MODE";
  public static final String MIN_SYNC_ACKS = "DISTDB_MIN_SYNC_ACKS";
  public static final String ACK_TIMEOUT_MS = "DISTDB_ACK_TIMEOUT_MS";
  public static final String ON_ACK_TIMEOUT = "DISTDB_ON_ACK_TIMEOUT";
  public static final String MAX_MESSAGE_BYTES = "DISTDB_MAX_MESSAGE_BYTES";
  public static final String MAX_CONNECTIONS = "DISTDB_MAX_CONNECTIONS";
  public static final String RESERVED_CONNECTIONS = "DISTDB_RESERVED_CONNECTIONS";

  /** Comma-separated IP addresses that may use the reserved connection slots. */
  public static final String RESERVED_CONNECTIONS_FROM = "DISTDB_RESERVED_CONNECTIONS_FROM";

  public static final String AUTHENTICATION_TIMEOUT_MS = "DISTDB_AUTHENTICATION_TIMEOUT_MS";
  public static final String MAX_PREPARED_STATEMENTS = "DISTDB_MAX_PREPARED_STATEMENTS";
  public static final String STATEMENT_TIMEOUT_MS = "DISTDB_STATEMENT_TIMEOUT_MS";
  public static final String IDLE_IN_TRANSACTION_SESSION_TIMEOUT_MS =
      "DISTDB_IDLE_IN_TRANSACTION_SESSION_TIMEOUT_MS";

  /**
   * Bearer token that {@code /status}, {@code /checksums} and {@code /metrics} require (the probes
   * stay open). The operator keeps it in a Secret and sends {@code Authorization: Bearer <token>}.
   */
  public static final String ADMIN_TOKEN = "DISTDB_ADMIN_TOKEN";

  public static final String ADMIN_TOKEN_FILE = "DISTDB_ADMIN_TOKEN_FILE";

  /**
   * Identifies one incarnation of a node (on Kubernetes the pod's UID): a master counts acks only
   * from the incarnation of a slave id it registered, so a force-deleted pod that still runs cannot
   * confirm writes for its replacement.
   */
  public static final String INCARNATION = "DISTDB_INCARNATION";

  public static final int DEFAULT_PG_PORT = 5432;
  public static final int DEFAULT_ADMIN_PORT = 8080;
  public static final int DEFAULT_REPLICATION_PORT = 7432;

  /** Liveness: 200 while the process serves HTTP at all. */
  public static final String PATH_HEALTHZ = "/healthz";

  /** Readiness: 200 once the node serves SQL in its role, 503 with a reason otherwise. */
  public static final String PATH_READYZ = "/readyz";

  /** {@link NodeStatus} as JSON. */
  public static final String PATH_STATUS = "/status";

  /** Per-database checksums as JSON {@code {"db": {"lsn": n, "checksum": "hex"}}}. */
  public static final String PATH_CHECKSUMS = "/checksums";

  /** Prometheus text exposition. */
  public static final String PATH_METRICS = "/metrics";

  private NodeEnvironment() {}
}
