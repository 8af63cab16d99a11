package io.distdb.operator.e2e;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out this module's loopback addresses (the harness owns 127.0.1.0/24): pods get 127.0.1.100
 * to .249, Services and replication links 127.0.1.64 to .99, each incarnation a fresh one so a new
 * pod never inherits a dying one's sockets. Shared by every harness in the JVM.
 */
final class Loopback {

  /** Nothing listens here: routing a connection to it fails at once. */
  static final String DEAD_END = "127.0.1.63";

  private static final AtomicInteger PODS = new AtomicInteger();
  private static final AtomicInteger PROXIES = new AtomicInteger();

  private Loopback() {}

  static String nextPodIp() {
    return "127.0.1." + (100 + Math.floorMod(PODS.getAndIncrement(), 150));
  }

  static String nextProxyIp() {
    return "127.0.1." + (64 + Math.floorMod(PROXIES.getAndIncrement(), 36));
  }
}
