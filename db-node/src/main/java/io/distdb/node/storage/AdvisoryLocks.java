package io.distdb.node.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's advisory locks for one node: application-defined keys that sessions lock in shared
 * or exclusive mode, held until unlocked or the session ends (session level) or until the
 * transaction ends (transaction level). Re-entrant per session, as in PostgreSQL; a wait that would
 * close a cycle of waiting sessions fails at once with 40P01 instead of waiting forever. Owners are
 * compared by identity (the engine session).
 */
public final class AdvisoryLocks {

  /**
   * One lock: PostgreSQL keeps the one-bigint and the two-int4 forms apart, and locks are per
   * database (here the engine's database object, so that two nodes in one JVM stay apart).
   */
  public record Key(Object database, long high, long low, boolean pair) {}

  /** Something a wait checks between its slices: a cancel of the statement throws. */
  public interface Waiting {
    void check() throws java.sql.SQLException;
  }

  private static final long SLICE_MILLIS = 20;

  /** How one owner holds one key. */
  private static final class Hold {
    int sessionExclusive;
    int xactExclusive;
    int sessionShared;
    int xactShared;

    boolean exclusive() {
      return sessionExclusive + xactExclusive > 0;
    }

    boolean any() {
      return exclusive() || sessionShared + xactShared > 0;
    }
  }

  /**
   * One row of pg_locks: a key held (or waited for) by the session with process id {@code pid} (0
   * for an owner that never told its id), in PostgreSQL's mode names ({@code ExclusiveLock}, {@code
   * ShareLock}).
   */
  public record Held(Key key, int pid, String mode, boolean granted) {}

  private final Map<Key, Map<Object, Hold>> locks = new HashMap<>();
  private final Map<Object, Key> waitingFor = new IdentityHashMap<>();
  private final Map<Object, Boolean> waitingShared = new IdentityHashMap<>();
  private final Map<Object, Integer> processIds = new IdentityHashMap<>();

  /** The process id BackendKeyData gave the owner's session, which pg_locks shows as its pid. */
  public synchronized void processId(Object owner, int pid) {
    processIds.put(owner, pid);
  }

  /**
   * What pg_locks shows for the database's advisory locks: one row per key, holder and mode, then
   * the waits, each not granted.
   */
  public synchronized List<Held> held(Object database) {
    List<Held> out = new ArrayList<>();
    for (Map.Entry<Key, Map<Object, Hold>> e : locks.entrySet()) {
      if (e.getKey().database() != database) {
        continue;
      }
      for (Map.Entry<Object, Hold> h : e.getValue().entrySet()) {
        int pid = processIds.getOrDefault(h.getKey(), 0);
        if (h.getValue().exclusive()) {
          out.add(new Held(e.getKey(), pid, "ExclusiveLock", true));
        }
        if (h.getValue().sessionShared + h.getValue().xactShared > 0) {
          out.add(new Held(e.getKey(), pid, "ShareLock", true));
        }
      }
    }
    for (Map.Entry<Object, Key> w : waitingFor.entrySet()) {
      if (w.getValue().database() == database) {
        boolean shared = waitingShared.getOrDefault(w.getKey(), false);
        int pid = processIds.getOrDefault(w.getKey(), 0);
        out.add(new Held(w.getValue(), pid, shared ? "ShareLock" : "ExclusiveLock", false));
      }
    }
    return out;
  }

  /** Takes the lock if no other owner's hold conflicts; false otherwise. */
  public synchronized boolean tryAcquire(Object owner, Key key, boolean shared, boolean xact) {
    if (!grantable(owner, key, shared)) {
      return false;
    }
    grant(owner, key, shared, xact);
    return true;
  }

  /** Takes the lock, waiting as long as it takes (or until {@code waiting} throws). */
  public synchronized void acquire(
      Object owner, Key key, boolean shared, boolean xact, Waiting waiting)
      throws java.sql.SQLException, InterruptedException {
    if (!grantable(owner, key, shared)) {
      waitingFor.put(owner, key);
      waitingShared.put(owner, shared);
      try {
        while (!grantable(owner, key, shared)) {
          if (closesCycle(owner, key)) {
            throw new java.sql.SQLException("deadlock detected", "40P01");
          }
          waiting.check();
          wait(SLICE_MILLIS);
        }
      } finally {
        waitingFor.remove(owner);
        waitingShared.remove(owner);
      }
    }
    grant(owner, key, shared, xact);
  }

  /** Gives back one session-level hold; false if the owner held none in that mode. */
  public synchronized boolean release(Object owner, Key key, boolean shared) {
    Map<Object, Hold> holders = locks.get(key);
    Hold h = holders == null ? null : holders.get(owner);
    if (h == null || (shared ? h.sessionShared : h.sessionExclusive) == 0) {
      return false;
    }
    if (shared) {
      h.sessionShared--;
    } else {
      h.sessionExclusive--;
    }
    forgetIfFree(key, holders, owner, h);
    notifyAll();
    return true;
  }

  /** pg_advisory_unlock_all: every session-level hold of the owner. */
  public synchronized void releaseSessionLocks(Object owner) {
    drop(owner, true, false);
  }

  /** The owner's transaction ended: its transaction-level holds go. */
  public synchronized void transactionEnded(Object owner) {
    drop(owner, false, true);
  }

  /** The owner's session ended: everything it held goes. */
  public synchronized void sessionEnded(Object owner) {
    drop(owner, true, true);
    waitingFor.remove(owner);
    waitingShared.remove(owner);
    processIds.remove(owner);
  }

  /** How many keys are locked by anyone (for tests and pg_locks). */
  public synchronized int lockedKeys() {
    return locks.size();
  }

  /** Ends the owner's holds at the given levels; waiters look again if a key became free to it. */
  private void drop(Object owner, boolean sessionLevel, boolean xactLevel) {
    if (locks.isEmpty()) {
      return; // after every autocommit statement: mostly nothing to do
    }
    boolean changed = false;
    for (Key key : List.copyOf(locks.keySet())) {
      Map<Object, Hold> holders = locks.get(key);
      Hold h = holders.get(owner);
      if (h == null) {
        continue;
      }
      if (sessionLevel) {
        h.sessionExclusive = 0;
        h.sessionShared = 0;
      }
      if (xactLevel) {
        h.xactExclusive = 0;
        h.xactShared = 0;
      }
      changed |= forgetIfFree(key, holders, owner, h);
    }
    if (changed) {
      notifyAll();
    }
  }

  /** Forgets an owner that holds the key no more, and the key once nobody does; true if it did. */
  private boolean forgetIfFree(Key key, Map<Object, Hold> holders, Object owner, Hold h) {
    if (h.any()) {
      return false;
    }
    holders.remove(owner);
    if (holders.isEmpty()) {
      locks.remove(key);
    }
    return true;
  }

  private boolean grantable(Object owner, Key key, boolean shared) {
    Map<Object, Hold> holders = locks.get(key);
    if (holders == null) {
      return true;
    }
    for (Map.Entry<Object, Hold> e : holders.entrySet()) {
      if (e.getKey() == owner) {
        continue;
      }
      if (shared ? e.getValue().exclusive() : e.getValue().any()) {
        return false;
      }
    }
    return true;
  }

  private void grant(Object owner, Key key, boolean shared, boolean xact) {
    Hold h = locks.computeIfAbsent(key, k -> new IdentityHashMap<>()).get(owner);
    if (h == null) {
      h = new Hold();
      locks.get(key).put(owner, h);
    }
    if (shared && xact) {
      h.xactShared++;
    } else if (shared) {
      h.sessionShared++;
    } else if (xact) {
      h.xactExclusive++;
    } else {
      h.sessionExclusive++;
    }
  }

  /** Whether the owners holding {@code key} wait, directly or not, for something owner holds. */
  private boolean closesCycle(Object owner, Key key) {
    Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Key> frontier = new ArrayList<>();
    addOtherHolders(owner, key, seen, frontier);
    while (!frontier.isEmpty()) {
      Map<Object, Hold> holders = locks.get(frontier.remove(frontier.size() - 1));
      if (holders == null) {
        continue;
      }
      if (holders.containsKey(owner)) {
        return true; // someone we wait for waits for a lock we hold
      }
      for (Object holder : holders.keySet()) {
        Key next = seen.add(holder) ? waitingFor.get(holder) : null;
        if (next != null) {
          frontier.add(next);
        }
      }
    }
    return false;
  }

  private void addOtherHolders(Object owner, Key key, Set<Object> seen, List<Key> frontier) {
    for (Object holder : locks.getOrDefault(key, Map.of()).keySet()) {
      if (holder != owner && seen.add(holder)) {
        Key next = waitingFor.get(holder);
        if (next != null) {
          frontier.add(next);
        }
      }
    }
  }
}
