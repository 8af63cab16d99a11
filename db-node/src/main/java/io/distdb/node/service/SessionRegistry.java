package io.distdb.node.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open sessions per database, so DROP DATABASE can refuse while others use it. */
public final class SessionRegistry {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void opened(String database) {
    counts.computeIfAbsent(database, d -> new AtomicInteger()).incrementAndGet();
  }

  void closed(String database) {
    counts.computeIfPresent(database, (d, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  /** Sessions currently open on {@code database}. */
  public int countOn(String database) {
    AtomicInteger n = counts.get(database);
    return n == null ? 0 : n.get();
  }

  public int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
