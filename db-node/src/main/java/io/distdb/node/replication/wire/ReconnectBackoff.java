package io.distdb.node.replication.wire;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Capped exponential backoff with full jitter for a slave's reconnect loop: attempt {@code n}
 * (0-based) waits a uniformly random time in {@code [0, min(cap, base * 2^n)]}. The jitter spreads
 * out slaves that all lost the master at the same moment, so a restarted master is not hit by a
 * synchronised reconnect storm. Call {@link #reset()} once a handshake succeeds.
 */
public final class ReconnectBackoff {

  public static final Duration DEFAULT_BASE = Duration.ofMillis(100);
  public static final Duration DEFAULT_CAP = Duration.ofSeconds(5);

  private final long baseMillis;
  private final long capMillis;
  private final Random random;
  private int attempts;

  public ReconnectBackoff() {
    this(DEFAULT_BASE, DEFAULT_CAP, new Random());
  }

  /**
   * @param random injectable so tests can use a seeded generator
   */
  public ReconnectBackoff(Duration base, Duration cap, Random random) {
    this.baseMillis = base.toMillis();
    this.capMillis = cap.toMillis();
    this.random = Objects.requireNonNull(random, "random");
    if (baseMillis <= 0 || capMillis < baseMillis) {
      throw new IllegalArgumentException("need 0 < base <= cap, got " + base + ", " + cap);
    }
  }

  /** The delay before the next attempt; each call counts as one more failed attempt. */
  public synchronized Duration nextDelay() {
    long ceiling = ceilingMillis(attempts);
    if (attempts < Integer.MAX_VALUE) {
      attempts++;
    }
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  /** The upper bound the next {@link #nextDelay()} will draw below (inclusive). */
  public synchronized Duration currentCeiling() {
    return Duration.ofMillis(ceilingMillis(attempts));
  }

  /** Forget past failures: the next delay is drawn from {@code [0, base]} again. */
  public synchronized void reset() {
    attempts = 0;
  }

  /** Failed attempts since the last reset. */
  public synchronized int attempts() {
    return attempts;
  }

  private long ceilingMillis(int attempt) {
    // Shift only while it cannot overflow; beyond that the cap applies anyway.
    if (attempt >= 62 || baseMillis > (capMillis >> Math.min(attempt, 62))) {
      return capMillis;
    }
    return Math.min(capMillis, baseMillis << attempt);
  }
}
