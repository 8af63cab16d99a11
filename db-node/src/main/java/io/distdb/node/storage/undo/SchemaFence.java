package io.distdb.node.storage.undo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps other sessions out of a database while its schema changes are half-applied: the engine
 * commits each schema change, and with it the rows the block wrote before, so between a block's
 * first schema change and its end (or while a replica applies such a block's entry) anyone else
 * could read a half-done migration. The owner (the connection running the block) passes; everyone
 * else's next statement waits until the fence opens. PostgreSQL's ACCESS EXCLUSIVE lock does the
 * same per table; this one covers the database.
 */
public final class SchemaFence {

  private Object owner;

  /** Closes the fence for everyone but {@code owner}; re-closing by the same owner is a no-op. */
  public synchronized void close(Object owner) {
    while (this.owner != null && this.owner != owner) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    this.owner = owner;
  }

  public synchronized void open(Object owner) {
    if (this.owner == owner) {
      this.owner = null;
      notifyAll();
    }
  }

  /**
   * Waits until no one but {@code caller} holds the fence; false if it is still held after {@code
   * timeoutMillis}.
   */
  public synchronized boolean await(Object caller, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (owner != null && owner != caller) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** One fence per database of a node, shared by its sessions, its write path and its applier. */
  public static final class Registry {
    private final ConcurrentHashMap<String, SchemaFence> fences = new ConcurrentHashMap<>();

    public SchemaFence of(String database) {
      return fences.computeIfAbsent(database, d -> new SchemaFence());
    }
  }
}
