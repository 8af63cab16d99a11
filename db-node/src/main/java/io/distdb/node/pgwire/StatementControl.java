package io.distdb.node.pgwire;

import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlSession;
import io.distdb.node.service.TimeoutSetting;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancellation of one session's running statement: by a CancelRequest ("user request") or by its
 * {@code statement_timeout}. A cancel only hits the statement that was running when it was asked
 * for; one that arrives between statements is dropped, as in PostgreSQL. The engine stops the
 * statement where it checks for cancellation; streaming rows to the client stops at the next batch.
 * A cancel is repeated until its statement ends: one that came while the statement was between two
 * waits (rows locked by other transactions, say) must still reach the next.
 */
final class StatementControl {

  static final String SQLSTATE = "57014";
  static final String BY_USER = "canceling statement due to user request";
  static final String BY_TIMEOUT = "canceling statement due to statement timeout";

  /** How often a cancel is repeated while its statement still runs. */
  private static final long REPEAT_MILLIS = 100;

  /** A statement body: executing it and sending its rows. */
  interface Body<T> {
    T run() throws SqlException;
  }

  private final SqlSession session;
  private final ScheduledExecutorService timers;
  private String timeoutText;
  private long timeoutMillis;

  /** Guarded by this: the running statement's number (0 = none) and why it was cancelled. */
  private long running;

  private long sequence;
  private String cancelledBecause;
  private ScheduledFuture<?> timer;
  private ScheduledFuture<?> repeat;

  StatementControl(SqlSession session, ScheduledExecutorService timers) {
    this.session = session;
    this.timers = timers;
  }

  /** Runs one statement under cancellation and {@code statement_timeout}. */
  <T> T run(Body<T> body) throws SqlException {
    begin(statementTimeoutMillis());
    try {
      return body.run();
    } catch (SqlException e) {
      throw explained(e);
    } finally {
      end();
    }
  }

  /** Throws 57014 if the running statement was cancelled; streaming calls it between batches. */
  void checkNotCancelled() throws SqlException {
    String reason;
    synchronized (this) {
      reason = cancelledBecause;
    }
    if (reason != null) {
      throw new SqlException(SQLSTATE, reason);
    }
  }

  void cancelByUser() {
    long target;
    synchronized (this) {
      target = running;
    }
    cancel(target, BY_USER);
  }

  private synchronized void begin(long timeout) {
    session.statementStarting(timeout);
    long id = ++sequence;
    running = id;
    cancelledBecause = null;
    if (timeout > 0) {
      timer = timers.schedule(() -> cancel(id, BY_TIMEOUT), timeout, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void end() {
    running = 0;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    if (repeat != null) {
      repeat.cancel(false);
      repeat = null;
    }
  }

  private synchronized void cancel(long target, String reason) {
    if (target == 0 || running != target || cancelledBecause != null) {
      return;
    }
    cancelledBecause = reason;
    // Under the lock, so it cannot hit the next statement: end() waits for us.
    session.cancel();
    repeat =
        timers.scheduleWithFixedDelay(
            () -> cancelAgain(target), REPEAT_MILLIS, REPEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private synchronized void cancelAgain(long target) {
    if (running == target) {
      session.cancel();
    }
  }

  /** A lock wait that ended at its bound, maybe after the statement was cancelled. */
  private static final String LOCK_WAIT_ENDED = "55P03";

  /** The engine reports every cancel as "user request"; say which one it was. */
  private SqlException explained(SqlException e) {
    String reason;
    synchronized (this) {
      reason = cancelledBecause;
    }
    if (reason != null && SQLSTATE.equals(e.sqlState()) && !reason.equals(e.getMessage())) {
      return new SqlException(SQLSTATE, reason, e);
    }
    if (reason != null && LOCK_WAIT_ENDED.equals(e.sqlState())) {
      // The engine's lock wait cannot see a cancel: it ended at the bound set for this statement.
      return new SqlException(SQLSTATE, reason, e);
    }
    return e;
  }

  private long statementTimeoutMillis() throws SqlException {
    String text = session.parameter(TimeoutSetting.STATEMENT_TIMEOUT);
    if (text == null) {
      return 0;
    }
    // Parsed once per change, not once per statement.
    if (!text.equals(timeoutText)) {
      timeoutMillis = TimeoutSetting.millis(TimeoutSetting.STATEMENT_TIMEOUT, text);
      timeoutText = text;
    }
    return timeoutMillis;
  }
}
