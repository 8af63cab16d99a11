package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One autocommit statement waiting for its database's writer. A session that stops waiting cancels
 * it; the writer claims it before running it, so a request runs either fully or not at all.
 */
final class WriteRequest {

  private static final int QUEUED = 0;
  private static final int CLAIMED = 1;
  private static final int CANCELLED = 2;

  /** What the session gets back: the statement's result and the LSN it was logged at. */
  record Done(WriteResult result, long lsn) {}

  private final SqlStatement statement;
  private final StatementCancel cancel;
  private final AtomicInteger state = new AtomicInteger(QUEUED);
  private final CompletableFuture<Done> done = new CompletableFuture<>();
  private WriteResult result;
  private long lsn;

  WriteRequest(SqlStatement statement, StatementCancel cancel) {
    this.statement = statement;
    this.cancel = cancel;
  }

  SqlStatement statement() {
    return statement;
  }

  /** How the session that asked for it cancels the statement while the writer runs it. */
  StatementCancel cancel() {
    return cancel;
  }

  boolean claim() {
    return state.compareAndSet(QUEUED, CLAIMED);
  }

  /** Nobody has started or withdrawn it yet. */
  boolean isQueued() {
    return state.get() == QUEUED;
  }

  /** Withdraws a request the writer has not started; false if it already runs. */
  boolean withdraw() {
    return state.compareAndSet(QUEUED, CANCELLED);
  }

  /** The session cancelled its statement while it was still queued: it never runs. */
  void withdrawCancelled() {
    if (withdraw()) {
      done.completeExceptionally(StatementCancel.canceledByUser());
    }
  }

  void executed(WriteResult result, long lsn) {
    this.result = result;
    this.lsn = lsn;
  }

  void complete() {
    done.complete(new Done(result, lsn));
  }

  void fail(SqlException e) {
    done.completeExceptionally(e);
  }

  void failIfPending(SqlException e) {
    if (!done.isDone() && state.get() != CANCELLED) {
      done.completeExceptionally(e);
    }
  }

  /**
   * Waits for the outcome. If the writer has not started the request within {@code timeoutMillis}
   * it is withdrawn and fails like a lock timeout; once started it is always waited for.
   */
  Done await(long timeoutMillis) throws SqlException {
    try {
      try {
        return done.get(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (withdraw()) {
          throw new SqlException(
              "55P03",
              "canceling statement due to lock timeout: the database's writer stayed busy for "
                  + timeoutMillis
                  + " ms");
        }
        return done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StatementCancel.canceledByUser();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SqlException s) {
        throw s;
      }
      throw SqlErrors.internal("write failed: " + e.getCause(), e.getCause());
    }
  }
}
