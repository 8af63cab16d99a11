package io.distdb.node.pgwire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the BackendKeyData a session was given (process id, secret key) to its {@link
 * StatementControl}, so that a CancelRequest arriving on another connection can cancel what the
 * session runs. As in PostgreSQL, a request with a wrong key is silently ignored.
 */
final class CancelRegistry {

  private record Entry(int secretKey, StatementControl control) {}

  private final Map<Integer, Entry> sessions = new ConcurrentHashMap<>();

  void register(int processId, int secretKey, StatementControl control) {
    sessions.put(processId, new Entry(secretKey, control));
  }

  void unregister(int processId) {
    sessions.remove(processId);
  }

  /** True when the key matched a session (whose running statement, if any, is cancelled). */
  boolean cancel(int processId, int secretKey) {
    Entry e = sessions.get(processId);
    // XOR of ints: no early exit that would tell a guesser how much of the key was right.
    if (e == null || (e.secretKey() ^ secretKey) != 0) {
      return false;
    }
    e.control().cancelByUser();
    return true;
  }
}
