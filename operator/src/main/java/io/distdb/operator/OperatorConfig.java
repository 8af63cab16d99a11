package io.distdb.operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings, all from {@code DISTDB_OPERATOR_*} environment variables (the contract
 * with the install work names them).
 *
 * @param watchNamespaces namespaces to watch; empty = all
 * @param operatorNamespace the operator's own namespace (its Lease lives there)
 * @param leaderElection whether to take the Lease {@link #LEASE_NAME} before reconciling
 * @param dbNodeImage the db-node image for databases without {@code spec.image}
 * @param healthPort the port of {@code /healthz} and {@code /readyz}
 * @param serverSideApply whether the primary resource is patched with server-side apply
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    String operatorNamespace,
    boolean leaderElection,
    String dbNodeImage,
    int healthPort,
    boolean serverSideApply) {

  public static final String WATCH_NAMESPACES = "DISTDB_OPERATOR_WATCH_NAMESPACES";
  public static final String NAMESPACE = "DISTDB_OPERATOR_NAMESPACE";
  public static final String LEADER_ELECTION = "DISTDB_OPERATOR_LEADER_ELECTION";
  public static final String DB_NODE_IMAGE = "DISTDB_OPERATOR_DB_NODE_IMAGE";
  public static final String HEALTH_PORT = "DISTDB_OPERATOR_HEALTH_PORT";
  public static final String SSA = "DISTDB_OPERATOR_SSA";

  public static final String LEASE_NAME = "distdb-operator-lock";
  static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  /** Reads the settings from {@code env}, with the documented defaults. */
  public static OperatorConfig from(Map<String, String> env) {
    Set<String> namespaces =
        Arrays.stream(env.getOrDefault(WATCH_NAMESPACES, "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    String own = blankToNull(env.get(NAMESPACE));
    if (own == null) {
      own = serviceAccountNamespace();
    }
    String portText = env.getOrDefault(HEALTH_PORT, "8081").trim();
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(HEALTH_PORT + " must be a port number, not " + portText);
    }
    String image = blankToNull(env.get(DB_NODE_IMAGE));
    return new OperatorConfig(
        namespaces,
        own,
        Boolean.parseBoolean(env.getOrDefault(LEADER_ELECTION, "false").trim()),
        image == null ? defaultImage() : image,
        port,
        !"false".equalsIgnoreCase(env.getOrDefault(SSA, "true").trim()));
  }

  /** {@code distdb/db-node:<the build's image tag>}, from the filtered version resource. */
  static String defaultImage() {
    try (InputStream in = OperatorConfig.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("db-node.image");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String serviceAccountNamespace() {
    try {
      return Files.isReadable(SERVICE_ACCOUNT_NAMESPACE)
          ? Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim()
          : "default";
    } catch (IOException e) {
      return "default";
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
