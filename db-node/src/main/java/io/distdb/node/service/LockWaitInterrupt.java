package io.distdb.node.service;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.tx.Transaction;

/**
 * Ends a cancelled statement's wait for a row lock that another transaction holds, as PostgreSQL's
 * cancel does. The engine waits in {@code Object.wait} on the holder's transaction and looks at
 * nothing else, so a session cancel does not reach it; an interrupt does, and the engine then
 * reports a lock timeout, which the protocol layer reads as the cancel's 57014.
 *
 * <p>The interrupt must reach the thread in that wait and nowhere else: an interrupt during file
 * I/O would close the database file's channel for every session. So it is sent only while this
 * class holds the monitor of the transaction the thread waits on (the thread can neither leave the
 * wait nor enter it meanwhile), the thread is parked on exactly that monitor, and that transaction
 * is still open (its end would already have woken the thread). The statement's own lock timeout is
 * set to 0 first, so that the engine's retry of the failed row ends at once instead of waiting
 * again; the statement's end sets it back ({@link StatementCancel#finished}).
 *
 * <p>One window is left: a thread the holder had woken just before without ending (a partial
 * rollback of the holder's transaction wakes its waiters) may return from the wait with the
 * interrupt still pending if the holder's transaction also ends before the thread looks again. The
 * statement's end clears such a flag ({@link StatementCancel}); it takes a cancel within those few
 * microseconds to open the window at all.
 */
final class LockWaitInterrupt {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The engine method whose wait this interrupts (H2 2.4's {@code Transaction}). */
  private static final String WAIT_METHOD = "waitForThisToEnd";

  /** Enough frames to see past {@code Object.wait} to its caller. */
  private static final int STACK_DEPTH = 4;

  private LockWaitInterrupt() {}

  /**
   * Interrupts {@code thread}, which runs a statement of {@code session}, if it is waiting for a
   * row lock; otherwise does nothing.
   *
   * @return whether it interrupted the thread
   */
  static boolean ifWaiting(Thread thread, SessionLocal session) {
    LockInfo lock = transactionWaitedOn(thread);
    Transaction holder = lock == null ? null : openTransaction(session, lock);
    if (holder == null) {
      return false;
    }
    synchronized (holder) {
      LockInfo still = transactionWaitedOn(thread);
      if (still == null
          || still.getIdentityHashCode() != System.identityHashCode(holder)
          || !isOpen(holder)) {
        return false;
      }
      session.setLockTimeout(0);
      thread.interrupt();
      return true;
    }
  }

  /** The engine transaction {@code thread} is parked on in the engine's lock wait, or null. */
  private static LockInfo transactionWaitedOn(Thread thread) {
    ThreadInfo info = THREADS.getThreadInfo(thread.getId(), STACK_DEPTH);
    if (info == null
        || (info.getThreadState() != Thread.State.TIMED_WAITING
            && info.getThreadState() != Thread.State.WAITING)
        || info.getLockInfo() == null
        || !Transaction.class.getName().equals(info.getLockInfo().getClassName())) {
      return null;
    }
    for (StackTraceElement frame : info.getStackTrace()) {
      // Object.wait's own frames (one or two, by JDK), then its caller.
      if (!Object.class.getName().equals(frame.getClassName())) {
        boolean inLockWait =
            Transaction.class.getName().equals(frame.getClassName())
                && WAIT_METHOD.equals(frame.getMethodName());
        return inLockWait ? info.getLockInfo() : null;
      }
    }
    return null;
  }

  private static Transaction openTransaction(SessionLocal session, LockInfo lock) {
    for (Transaction t :
        session.getDatabase().getStore().getTransactionStore().getOpenTransactions()) {
      if (System.identityHashCode(t) == lock.getIdentityHashCode()) {
        return t;
      }
    }
    return null;
  }

  /** Still holding its locks: the engine's wait goes on until the transaction ends. */
  private static boolean isOpen(Transaction t) {
    int status = t.getStatus();
    return status == Transaction.STATUS_OPEN
        || status == Transaction.STATUS_PREPARED
        || status == Transaction.STATUS_COMMITTED;
  }
}
