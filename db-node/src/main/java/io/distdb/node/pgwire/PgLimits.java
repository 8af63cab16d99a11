package io.distdb.node.pgwire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * What one client may cost the node, with PostgreSQL's names where it has them.
 *
 * @param maxConnections connections served at once (PostgreSQL's {@code max_connections}); beyond
 *     it a new connection gets FATAL 53300
 * @param reservedConnections of those, how many only connections from {@code reservedFrom} may take
 *     (distdb has one user, so PostgreSQL's superuser reservation becomes an address one: by
 *     default loopback, i.e. {@code kubectl exec ... psql} inside the pod)
 * @param reservedFrom the addresses that may use the reserved slots
 * @param authenticationTimeoutMillis how long a socket may take from accept to the end of
 *     authentication before it is closed
 * @param maxPreparedStatements named prepared statements (and, separately, named portals) one
 *     session may hold
 *     <p>{@code statement_timeout} and {@code idle_in_transaction_session_timeout} are session
 *     settings: their node defaults reach the session through the SQL service.
 */
public record PgLimits(
    int maxConnections,
    int reservedConnections,
    Set<InetAddress> reservedFrom,
    long authenticationTimeoutMillis,
    int maxPreparedStatements) {

  /** Largest message accepted before authentication: a SASL message is a few hundred bytes. */
  public static final int MAX_UNAUTHENTICATED_MESSAGE = 8 * 1024;

  public PgLimits {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max connections must be positive");
    }
    if (reservedConnections < 0 || reservedConnections >= maxConnections) {
      throw new IllegalArgumentException(
          "reserved connections must be at least 0 and below max connections");
    }
    if (authenticationTimeoutMillis <= 0 || maxPreparedStatements < 1) {
      throw new IllegalArgumentException("authentication timeout and statement limit must be > 0");
    }
    reservedFrom = Set.copyOf(reservedFrom);
  }

  /** PostgreSQL's defaults: 100 connections (3 reserved for loopback), 60 s to authenticate. */
  public static PgLimits defaults() {
    return new PgLimits(100, 3, loopback(), 60_000, 10_000);
  }

  /** 127.0.0.1 and ::1. */
  public static Set<InetAddress> loopback() {
    return Set.of(address("127.0.0.1"), address("::1"));
  }

  /** Parses literal IP addresses (no name lookups). */
  public static Set<InetAddress> addresses(List<String> literals) {
    return literals.stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(PgLimits::address)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private static InetAddress address(String literal) {
    if (!literal.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP address: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  public PgLimits withMaxConnections(int max, int reserved) {
    return new PgLimits(
        max, reserved, reservedFrom, authenticationTimeoutMillis, maxPreparedStatements);
  }

  public PgLimits withReservedFrom(Set<InetAddress> from) {
    return new PgLimits(
        maxConnections,
        reservedConnections,
        from,
        authenticationTimeoutMillis,
        maxPreparedStatements);
  }

  public PgLimits withAuthenticationTimeoutMillis(long millis) {
    return new PgLimits(
        maxConnections, reservedConnections, reservedFrom, millis, maxPreparedStatements);
  }

  public PgLimits withMaxPreparedStatements(int max) {
    return new PgLimits(
        maxConnections, reservedConnections, reservedFrom, authenticationTimeoutMillis, max);
  }
}
