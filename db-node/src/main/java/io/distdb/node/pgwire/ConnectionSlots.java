package io.distdb.node.pgwire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL's {@code max_connections}: how many connections are served at once, counted from
 * accept (an unauthenticated socket holds a slot until {@code authentication_timeout}, as a
 * PostgreSQL backend does), with the last few slots kept for connections from the reserved
 * addresses so an operator can still get in when clients have taken everything else.
 */
final class ConnectionSlots {

  /** Whether an accepted connection got a slot. */
  enum Admission {
    ADMITTED,
    TOO_MANY,
    RESERVED
  }

  private final PgLimits limits;
  private final AtomicInteger used = new AtomicInteger();

  ConnectionSlots(PgLimits limits) {
    this.limits = limits;
  }

  /** Takes a slot unless none is left for this address; an admitted one must be released. */
  Admission tryAcquire(SocketAddress remote) {
    boolean reservedAllowed =
        remote instanceof InetSocketAddress inet && isReservedAddress(inet.getAddress());
    while (true) {
      int n = used.get();
      if (n >= limits.maxConnections()) {
        return Admission.TOO_MANY;
      }
      if (!reservedAllowed && n >= limits.maxConnections() - limits.reservedConnections()) {
        return Admission.RESERVED;
      }
      if (used.compareAndSet(n, n + 1)) {
        return Admission.ADMITTED;
      }
    }
  }

  private boolean isReservedAddress(InetAddress address) {
    return address != null && limits.reservedFrom().contains(address);
  }

  void release() {
    used.decrementAndGet();
  }

  int used() {
    return used.get();
  }
}
