package io.distdb.node.pgwire;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@link #FREE_FAILURES} failed logins from one address within
 * {@link #WINDOW_MILLIS}, each further failure is answered later, the delay doubling up to {@link
 * #MAX_DELAY_MILLIS}. The delay is a timer on the event loop, not a sleeping thread, so a guessing
 * client costs a socket, not a thread. A successful login clears its address.
 */
final class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final long WINDOW_MILLIS = 60_000;
  static final long FIRST_DELAY_MILLIS = 250;
  static final long MAX_DELAY_MILLIS = 10_000;

  /** Bound on tracked addresses; beyond it expired ones are dropped first. */
  private static final int MAX_TRACKED = 10_000;

  private record Failures(int count, long windowStart) {}

  private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;

  LoginThrottle(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** Records a failed login and returns how long to wait before answering it. */
  long failed(InetAddress address) {
    long now = clockMillis.getAsLong();
    if (failures.size() >= MAX_TRACKED) {
      failures.values().removeIf(f -> now - f.windowStart() > WINDOW_MILLIS);
    }
    Failures f =
        failures.merge(
            address,
            new Failures(1, now),
            (old, one) ->
                now - old.windowStart() > WINDOW_MILLIS
                    ? one
                    : new Failures(old.count() + 1, old.windowStart()));
    return delayFor(f.count());
  }

  /** Failures so far in the address's current window. */
  int failures(InetAddress address) {
    Failures f = failures.get(address);
    return f == null || clockMillis.getAsLong() - f.windowStart() > WINDOW_MILLIS ? 0 : f.count();
  }

  void succeeded(InetAddress address) {
    failures.remove(address);
  }

  static long delayFor(int failureCount) {
    int over = failureCount - FREE_FAILURES;
    if (over <= 0) {
      return 0;
    }
    return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(over - 1, 20));
  }
}
