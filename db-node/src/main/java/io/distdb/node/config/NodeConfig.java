package io.distdb.node.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A node's validated configuration. */
public record NodeConfig(
    String nodeId,
    Role role,
    Path dataDir,
    String bind,
    int pgPort,
    int adminPort,
    String user,
    String password,
    boolean trustAuth,
    String defaultDatabase,
    long lockTimeoutMillis,
    boolean fsync,
    long logSegmentBytes,
    long minFreeBytes,
    int maxMessageBytes,
    String writeTarget,
    ReplicationConfig replication,
    ClientLimits clientLimits,
    String adminToken,
    String incarnation) {

  static NodeConfig from(NodeOptions o) {
    Role role = parseRole(o.role);
    boolean trust =
        switch (o.auth.toLowerCase(Locale.ROOT)) {
          case "trust" -> true;
          case "scram" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--auth must be scram or trust, not \"" + o.auth + "\"");
        };
    String password = password(o);
    if (!trust && (password == null || password.isEmpty())) {
      throw new IllegalArgumentException(
          "--auth scram needs a password: set --password-file,"
              + " DISTDB_PASSWORD or --password (or use --auth trust on a private machine)");
    }
    port("--pg-port", o.pgPort);
    port("--admin-port", o.adminPort);
    positive("--lock-timeout-ms", o.lockTimeoutMillis);
    positive("--log-segment-bytes", o.logSegmentBytes);
    positive("--max-message-bytes", o.maxMessageBytes);
    if (o.minFreeBytes < 0) {
      throw new IllegalArgumentException("--min-free-bytes must not be negative");
    }
    ReplicationConfig replication = ReplicationConfig.from(o, role);
    String writeTarget = o.writeTarget;
    return new NodeConfig(
        o.nodeId,
        role,
        o.dataDir,
        o.bind,
        o.pgPort,
        o.adminPort,
        o.user,
        password,
        trust,
        o.defaultDatabase,
        o.lockTimeoutMillis,
        o.fsync,
        o.logSegmentBytes,
        o.minFreeBytes,
        o.maxMessageBytes,
        writeTarget,
        replication,
        ClientLimits.from(o),
        adminToken(o),
        o.incarnation.isBlank() ? java.util.UUID.randomUUID().toString() : o.incarnation.strip());
  }

  /** Null when none is configured: the admin API is then open. */
  private static String adminToken(NodeOptions o) {
    String token =
        o.adminTokenFile != null ? firstLine("--admin-token-file", o.adminTokenFile) : o.adminToken;
    return token == null || token.isBlank() ? null : token.strip();
  }

  private static Role parseRole(String value) {
    for (Role r : Role.values()) {
      if (r.wireName().equalsIgnoreCase(value)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "--role must be one of " + List.of("master", "slave") + ", not \"" + value + "\"");
  }

  private static String password(NodeOptions o) {
    return o.passwordFile != null ? firstLine("--password-file", o.passwordFile) : o.password;
  }

  /** The first line of a secret file, trimmed. */
  static String firstLine(String option, Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? "" : lines.get(0).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + option + " " + file + ": " + e.getMessage(), e);
    }
  }

  static void port(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, not " + port);
    }
  }

  static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
