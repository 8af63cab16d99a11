package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.tools.SimpleResultSet;

/**
 * PostgreSQL's advisory lock functions as engine functions over the node's {@link AdvisoryLocks}.
 * The owner is the calling engine session (each client session has its own), so locks exclude other
 * sessions as in PostgreSQL; a wait looks for its statement's cancel (and so {@code
 * statement_timeout}) every few milliseconds. The void forms return an empty string, which prints
 * as PostgreSQL's void does.
 *
 * <p>Like {@link CatalogFunctions}, this class is one the engine may load ({@link
 * EngineHardening}): it touches nothing but the lock table.
 */
public final class AdvisoryLockFunctions {

  /** The node's locks, shared by every session of every database (keys carry the database). */
  public static final AdvisoryLocks LOCKS = new AdvisoryLocks();

  private static final String VOID = "";

  /** SQL name → Java method, installed as {@code distdb_catalog.d_<name>}. */
  public static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("pg_advisory_lock", "lock"),
          Map.entry("pg_advisory_lock_shared", "lockShared"),
          Map.entry("pg_advisory_xact_lock", "xactLock"),
          Map.entry("pg_advisory_xact_lock_shared", "xactLockShared"),
          Map.entry("pg_try_advisory_lock", "tryLock"),
          Map.entry("pg_try_advisory_lock_shared", "tryLockShared"),
          Map.entry("pg_try_advisory_xact_lock", "tryXactLock"),
          Map.entry("pg_try_advisory_xact_lock_shared", "tryXactLockShared"),
          Map.entry("pg_advisory_unlock", "unlock"),
          Map.entry("pg_advisory_unlock_shared", "unlockShared"),
          Map.entry("pg_advisory_unlock_all", "unlockAll"),
          Map.entry("advisory_locks", "heldLocks"));

  private AdvisoryLockFunctions() {}

  static void install(Connection admin) throws SQLException {
    CatalogFunctions.install(admin, AdvisoryLockFunctions.class, ALIASES);
  }

  /** The engine session behind a connection: the owner of its advisory locks. */
  public static Object owner(Connection c) {
    return EngineSession.of(c);
  }

  public static String lock(Connection c, Long key) throws SQLException {
    return acquire(c, key(c, key), false, false);
  }

  public static String lock(Connection c, Integer high, Integer low) throws SQLException {
    return acquire(c, key(c, high, low), false, false);
  }

  public static String lockShared(Connection c, Long key) throws SQLException {
    return acquire(c, key(c, key), true, false);
  }

  public static String lockShared(Connection c, Integer high, Integer low) throws SQLException {
    return acquire(c, key(c, high, low), true, false);
  }

  public static String xactLock(Connection c, Long key) throws SQLException {
    return acquire(c, key(c, key), false, true);
  }

  public static String xactLock(Connection c, Integer high, Integer low) throws SQLException {
    return acquire(c, key(c, high, low), false, true);
  }

  public static String xactLockShared(Connection c, Long key) throws SQLException {
    return acquire(c, key(c, key), true, true);
  }

  public static String xactLockShared(Connection c, Integer high, Integer low) throws SQLException {
    return acquire(c, key(c, high, low), true, true);
  }

  public static Boolean tryLock(Connection c, Long key) {
    return take(c, key(c, key), false, false);
  }

  public static Boolean tryLock(Connection c, Integer high, Integer low) {
    return take(c, key(c, high, low), false, false);
  }

  public static Boolean tryLockShared(Connection c, Long key) {
    return take(c, key(c, key), true, false);
  }

  public static Boolean tryLockShared(Connection c, Integer high, Integer low) {
    return take(c, key(c, high, low), true, false);
  }

  public static Boolean tryXactLock(Connection c, Long key) {
    return take(c, key(c, key), false, true);
  }

  public static Boolean tryXactLock(Connection c, Integer high, Integer low) {
    return take(c, key(c, high, low), false, true);
  }

  public static Boolean tryXactLockShared(Connection c, Long key) {
    return take(c, key(c, key), true, true);
  }

  public static Boolean tryXactLockShared(Connection c, Integer high, Integer low) {
    return take(c, key(c, high, low), true, true);
  }

  public static Boolean unlock(Connection c, Long key) {
    return give(c, key(c, key), false);
  }

  public static Boolean unlock(Connection c, Integer high, Integer low) {
    return give(c, key(c, high, low), false);
  }

  public static Boolean unlockShared(Connection c, Long key) {
    return give(c, key(c, key), true);
  }

  public static Boolean unlockShared(Connection c, Integer high, Integer low) {
    return give(c, key(c, high, low), true);
  }

  public static String unlockAll(Connection c) {
    LOCKS.releaseSessionLocks(owner(c));
    return VOID;
  }

  /**
   * The rows pg_locks shows for the calling database's advisory locks (a table function), keyed as
   * PostgreSQL shows them: a bigint key's high and low 32 bits as {@code classid} and {@code objid}
   * with {@code objsubid} 1, a pair of int keys as themselves with {@code objsubid} 2, each as an
   * unsigned OID.
   */
  public static ResultSet heldLocks(Connection c) throws SQLException {
    SimpleResultSet rows = new SimpleResultSet();
    rows.addColumn("classid", Types.BIGINT, 19, 0);
    rows.addColumn("objid", Types.BIGINT, 19, 0);
    rows.addColumn("objsubid", Types.SMALLINT, 5, 0);
    rows.addColumn("pid", Types.INTEGER, 10, 0);
    rows.addColumn("mode", Types.VARCHAR, Integer.MAX_VALUE, 0);
    rows.addColumn("granted", Types.BOOLEAN, 1, 0);
    if (c.getMetaData().getURL().startsWith("jdbc:columnlist:")) {
      return rows; // the engine asks for the columns alone when it compiles the query
    }
    for (AdvisoryLocks.Held h : LOCKS.held(database(c))) {
      AdvisoryLocks.Key k = h.key();
      long classid = k.pair() ? k.high() & 0xFFFFFFFFL : k.high() >>> 32;
      long objid = k.pair() ? k.low() & 0xFFFFFFFFL : k.high() & 0xFFFFFFFFL;
      rows.addRow(classid, objid, (short) (k.pair() ? 2 : 1), h.pid(), h.mode(), h.granted());
    }
    return rows;
  }

  private static Boolean take(Connection c, AdvisoryLocks.Key key, boolean shared, boolean xact) {
    return key == null ? null : LOCKS.tryAcquire(owner(c), key, shared, xact);
  }

  private static Boolean give(Connection c, AdvisoryLocks.Key key, boolean shared) {
    return key == null ? null : LOCKS.release(owner(c), key, shared);
  }

  private static String acquire(Connection c, AdvisoryLocks.Key key, boolean shared, boolean xact)
      throws SQLException {
    if (key == null) {
      return null; // a strict function: a null key locks nothing
    }
    SessionLocal session = EngineSession.of(c);
    try {
      LOCKS.acquire(session, key, shared, xact, session::checkCanceled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("canceling statement due to user request", "57014");
    }
    return VOID;
  }

  private static AdvisoryLocks.Key key(Connection c, Long key) {
    return key == null ? null : new AdvisoryLocks.Key(database(c), key, 0, false);
  }

  private static AdvisoryLocks.Key key(Connection c, Integer high, Integer low) {
    return high == null || low == null ? null : new AdvisoryLocks.Key(database(c), high, low, true);
  }

  private static Object database(Connection c) {
    return EngineSession.of(c).getDatabase();
  }
}
