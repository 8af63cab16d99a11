package io.distdb.operator.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Restarts of a pod within a sliding window, from the kubelet's ever-growing restart count: a pod
 * that restarted six times over a week is not crash-looping, one that did in ten minutes is. Keyed
 * by pod UID, so a replacement pod starts from zero.
 */
public final class RestartWindow {

  private record Sample(Instant at, int count) {}

  private final Duration window;
  private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

  public RestartWindow(Duration window) {
    this.window = window;
  }

  /**
   * Records {@code count} for pod {@code uid} seen at {@code now}; returns the restarts since the
   * start of the window. Restarts from before the pod was first seen count as old: the count is a
   * baseline, not a burst.
   */
  public int recent(String uid, int count, Instant now) {
    Deque<Sample> s = samples.computeIfAbsent(uid, k -> new ArrayDeque<>());
    synchronized (s) {
      if (s.isEmpty() || s.peekLast().count() != count) {
        s.addLast(new Sample(now, count));
      }
      Instant start = now.minus(window);
      // keep the newest sample from before the window: it is the baseline
      while (s.size() > 1 && !secondOf(s).at().isAfter(start)) {
        s.pollFirst();
      }
      return count - s.peekFirst().count();
    }
  }

  private static Sample secondOf(Deque<Sample> s) {
    var it = s.iterator();
    it.next();
    return it.next();
  }

  /** Drops pods no longer present. */
  public void retain(Set<String> uids) {
    samples.keySet().retainAll(uids);
  }
}
