package io.distdb.node.replication;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Incarnations of each slave id that a newer one replaced. A retired incarnation (a force-deleted
 * pod that still runs) is refused for good, so it can neither confirm writes for its replacement
 * nor take the registration back. Bounded: the last few per id. Used on the replication thread.
 */
final class RetiredIncarnations {

  private static final int KEPT_PER_NODE = 16;
  private static final int MAX_NODES = 1_000;

  private final Map<String, Deque<String>> retired = new HashMap<>();

  void retire(String nodeId, String incarnation) {
    if (retired.size() >= MAX_NODES && !retired.containsKey(nodeId)) {
      retired.remove(retired.keySet().iterator().next());
    }
    Deque<String> list = retired.computeIfAbsent(nodeId, id -> new ArrayDeque<>());
    list.addLast(incarnation);
    if (list.size() > KEPT_PER_NODE) {
      list.removeFirst();
    }
  }

  boolean isRetired(String nodeId, String incarnation) {
    Deque<String> list = retired.get(nodeId);
    return list != null && list.contains(incarnation);
  }
}
