package io.distdb.node.pgwire;

/**
 * Settings of the PostgreSQL protocol listener.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one ({@link PgServer#port()} reports it)
 * @param maxMessageSize the largest frontend message accepted; a longer length prefix is a protocol
 *     violation (08P01) and closes the connection
 * @param serverVersion announced as {@code server_version}; clients parse its leading number
 * @param workerThreads Netty I/O threads (SQL runs on separate threads, see {@link PgServer})
 * @param limits connection, authentication, statement and timeout limits
 */
public record PgServerConfig(
    String host,
    int port,
    int maxMessageSize,
    String serverVersion,
    int workerThreads,
    PgLimits limits) {

  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
  public static final String DEFAULT_SERVER_VERSION = "15.0 (distdb 0.1.0)";

  public PgServerConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxMessageSize < 1024) {
      throw new IllegalArgumentException("maxMessageSize too small: " + maxMessageSize);
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be positive");
    }
    java.util.Objects.requireNonNull(limits, "limits");
  }

  /** With {@link PgLimits#defaults()}. */
  public PgServerConfig(
      String host, int port, int maxMessageSize, String serverVersion, int workerThreads) {
    this(host, port, maxMessageSize, serverVersion, workerThreads, PgLimits.defaults());
  }

  /** All interfaces, port 5432, 64 MiB messages, one I/O thread per core. */
  public static PgServerConfig defaults() {
    return new PgServerConfig(
        "0.0.0.0",
        5432,
        DEFAULT_MAX_MESSAGE_SIZE,
        DEFAULT_SERVER_VERSION,
        Runtime.getRuntime().availableProcessors());
  }

  public PgServerConfig withHost(String newHost) {
    return new PgServerConfig(newHost, port, maxMessageSize, serverVersion, workerThreads, limits);
  }

  public PgServerConfig withPort(int newPort) {
    return new PgServerConfig(host, newPort, maxMessageSize, serverVersion, workerThreads, limits);
  }

  public PgServerConfig withMaxMessageSize(int newMax) {
    return new PgServerConfig(host, port, newMax, serverVersion, workerThreads, limits);
  }

  public PgServerConfig withServerVersion(String newVersion) {
    return new PgServerConfig(host, port, maxMessageSize, newVersion, workerThreads, limits);
  }

  public PgServerConfig withWorkerThreads(int newThreads) {
    return new PgServerConfig(host, port, maxMessageSize, serverVersion, newThreads, limits);
  }

  public PgServerConfig withLimits(PgLimits newLimits) {
    return new PgServerConfig(host, port, maxMessageSize, serverVersion, workerThreads, newLimits);
  }
}
