package io.distdb.node.config;

import java.util.List;

/**
 * What one PostgreSQL client may cost the node (see the README's option table).
 *
 * @param reservedFrom literal IP addresses that may use the reserved connection slots
 */
public record ClientLimits(
    int maxConnections,
    int reservedConnections,
    List<String> reservedFrom,
    long authenticationTimeoutMillis,
    int maxPreparedStatements,
    long statementTimeoutMillis,
    long idleInTransactionTimeoutMillis) {

  static ClientLimits from(NodeOptions o) {
    NodeConfig.positive("--max-connections", o.maxConnections);
    if (o.reservedConnections < 0 || o.reservedConnections >= o.maxConnections) {
      throw new IllegalArgumentException(
          "--reserved-connections must be at least 0 and less than --max-connections");
    }
    NodeConfig.positive("--authentication-timeout-ms", o.authenticationTimeoutMillis);
    NodeConfig.positive("--max-prepared-statements", o.maxPreparedStatements);
    notNegative("--statement-timeout-ms", o.statementTimeoutMillis);
    notNegative("--idle-in-transaction-session-timeout-ms", o.idleInTransactionTimeoutMillis);
    List<String> from =
        o.reservedConnectionsFrom.isBlank()
            ? List.of()
            : List.of(o.reservedConnectionsFrom.strip().split("\\s*,\\s*"));
    for (String address : from) {
      if (!address.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException(
            "--reserved-connections-from takes IP addresses, not \"" + address + "\"");
      }
    }
    return new ClientLimits(
        o.maxConnections,
        o.reservedConnections,
        from,
        o.authenticationTimeoutMillis,
        o.maxPreparedStatements,
        o.statementTimeoutMillis,
        o.idleInTransactionTimeoutMillis);
  }

  private static void notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, not " + value);
    }
  }
}
