package io.distdb.node.storage.undo;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps other sessions away from the tables of a half-applied migration: the engine commits each
 * schema change, and with it the rows the block wrote before, so between a block's first schema
 * change and its end (or while a replica applies such a block's entry) anyone else could read them.
 * The owner (the connection running the block) passes; another session's statement that names one
 * of the guarded tables waits until the fence opens, like PostgreSQL's ACCESS EXCLUSIVE lock on
 * those tables. One owner at a time per database.
 */
public final class SchemaFence {

  private Object owner;

  /** Names of the tables the owner has changed (and the engine committed) so far. */
  private final Set<String> tables = new HashSet<>();

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

  /** Whether a transaction block's schema changes (or a snapshot) hold the fence now. */
  public synchronized boolean isHeld() {
    return owner != null;
  }

  /** Whether one of {@code tableNames} is guarded by someone other than {@code caller}. */
  public synchronized boolean guardedByOther(Object caller, Collection<String> tableNames) {
    return owner != null && owner != caller && !Collections.disjoint(tables, tableNames);
  }

  /** Adds tables whose committed rows or schema are the owner's, not yet everyone's. */
  public synchronized void guard(Object owner, Collection<String> tableNames) {
    if (this.owner == owner) {
      tables.addAll(tableNames);
    }
  }

  public synchronized void open(Object owner) {
    if (this.owner == owner) {
      this.owner = null;
      tables.clear();
      notifyAll();
    }
  }

  /**
   * Waits while someone else holds the fence and {@code sql} names one of its tables; false if that
   * still holds after {@code timeoutMillis}. Statements that name none (catalog queries, session
   * commands, other tables) pass: they may see the owner's uncommitted schema, never its rows.
   */
  public synchronized boolean await(Object caller, String sql, long timeoutMillis)
      throws InterruptedException {
    if (owner == null || owner == caller) {
      return true;
    }
    Set<String> named = names(sql);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (owner != null && owner != caller && !Collections.disjoint(named, tables)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** The names a statement could refer to a table by: its identifiers, folded as written. */
  private static Set<String> names(String sql) {
    Set<String> out = new HashSet<>();
    try {
      for (Token t : SqlLexer.tokenize(sql)) {
        if (t.isName()) {
          out.add(t.value());
        }
      }
    } catch (StatementException e) {
      out.addAll(List.of(sql.split("\\W+"))); // the engine will refuse it; err on waiting
    }
    return out;
  }

  /** One fence per database of a node, shared by its sessions, its write path and its applier. */
  public static final class Registry {
    private final ConcurrentHashMap<String, SchemaFence> fences = new ConcurrentHashMap<>();

    public SchemaFence of(String database) {
      return fences.computeIfAbsent(database, d -> new SchemaFence());
    }
  }
}
