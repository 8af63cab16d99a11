package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.ReadyForQuery;
import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.FrontendMessage.Bind;
import io.distdb.node.pgwire.protocol.FrontendMessage.Close;
import io.distdb.node.pgwire.protocol.FrontendMessage.CopyMessage;
import io.distdb.node.pgwire.protocol.FrontendMessage.Describe;
import io.distdb.node.pgwire.protocol.FrontendMessage.Execute;
import io.distdb.node.pgwire.protocol.FrontendMessage.Flush;
import io.distdb.node.pgwire.protocol.FrontendMessage.FunctionCall;
import io.distdb.node.pgwire.protocol.FrontendMessage.InvalidText;
import io.distdb.node.pgwire.protocol.FrontendMessage.Parse;
import io.distdb.node.pgwire.protocol.FrontendMessage.Query;
import io.distdb.node.pgwire.protocol.FrontendMessage.Sync;
import io.distdb.node.pgwire.protocol.FrontendMessage.Terminate;
import io.distdb.node.pgwire.protocol.InvalidTextException;
import io.distdb.node.service.CopyIn;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlSession;
import io.distdb.node.service.TimeoutSetting;
import io.distdb.node.service.TransactionStatus;

/**
 * The authenticated connection: dispatches simple and extended query messages and owns the
 * error/Sync rule of the extended protocol: after an error every message up to the next Sync is
 * discarded, and Sync answers with ReadyForQuery carrying the session's transaction status.
 */
final class CommandPhase implements Phase {

  private final SqlSession session;
  private final ConnectionOutput out;
  private final ErrorReporter errors;
  private final SimpleQueryRunner simple;
  private final ExtendedQueryHandler extended;
  private final Runnable onClose;
  private boolean discardUntilSync;

  /** After an extended-protocol COPY: the client's Sync follows; an error discards up to it. */
  private final CopyInPhase.Resume extendedCopyEnd =
      new CopyInPhase.Resume() {
        @Override
        public Phase succeeded() {
          return CommandPhase.this;
        }

        @Override
        public Phase failed() {
          discardUntilSync = true;
          return CommandPhase.this;
        }
      };

  private String idleTimeoutText;
  private long idleTimeoutMillis;

  /**
   * @param maxNamed limit on named prepared statements and named portals
   * @param onClose run once the session is closed (forgets its cancel key)
   */
  CommandPhase(
      SqlSession session,
      ConnectionOutput out,
      StatementControl control,
      int maxNamed,
      Runnable onClose) {
    this.session = session;
    this.out = out;
    this.onClose = onClose;
    this.errors = new ErrorReporter(out);
    this.simple = new SimpleQueryRunner(session, out, errors, control);
    this.extended = new ExtendedQueryHandler(session, out, control, maxNamed);
  }

  @Override
  public Phase handle(FrontendMessage msg) {
    if (msg instanceof Terminate) {
      out.close();
    } else if (msg instanceof Sync) {
      discardUntilSync = false;
      extended.sync(session.transactionStatus());
      readyForQuery();
    } else if (msg instanceof InvalidText invalid && !discardUntilSync) {
      // PostgreSQL rejects the message with an ERROR; the session lives on.
      errors.report(new SqlException(InvalidTextException.SQLSTATE, invalid.message()));
      if (invalid.type() == 'Q') {
        readyForQuery();
      } else {
        discardUntilSync = true;
      }
    } else if (discardUntilSync || msg instanceof CopyMessage) {
      // Discarded: PostgreSQL ignores COPY messages outside COPY, and everything after an
      // extended-protocol error until Sync.
      return this;
    } else if (msg instanceof Query) {
      extended.dropUnnamed();
      return afterSimple(simple.run(((Query) msg).sql()));
    } else if (msg instanceof Flush) {
      out.flush();
    } else if (msg instanceof FunctionCall) {
      errors.report(new SqlException("0A000", "function call protocol is not supported"));
      readyForQuery();
    } else {
      return extendedMessage(msg);
    }
    return this;
  }

  /** A simple Query ran to its end (ReadyForQuery) or paused at a COPY FROM STDIN. */
  private Phase afterSimple(SimpleQueryRunner.Paused paused) {
    if (paused == null) {
      readyForQuery();
      return this;
    }
    return new CopyInPhase(
        this,
        paused.copy(),
        out,
        errors,
        new CopyInPhase.Resume() {
          @Override
          public Phase succeeded() {
            return afterSimple(simple.resume(paused));
          }

          @Override
          public Phase failed() {
            // PostgreSQL skips the rest of the query string.
            readyForQuery();
            return CommandPhase.this;
          }
        });
  }

  private Phase extendedMessage(FrontendMessage msg) {
    try {
      if (msg instanceof Parse) {
        extended.parse((Parse) msg);
      } else if (msg instanceof Bind) {
        extended.bind((Bind) msg);
      } else if (msg instanceof Describe) {
        extended.describe((Describe) msg);
      } else if (msg instanceof Execute) {
        CopyIn copy = extended.execute((Execute) msg);
        if (copy != null) {
          return new CopyInPhase(this, copy, out, errors, extendedCopyEnd);
        }
      } else if (msg instanceof Close) {
        extended.close((Close) msg);
      } else {
        out.fatal(
            ErrorResponse.fatal(
                "08P01",
                "unexpected message " + msg.getClass().getSimpleName() + " after startup"));
      }
    } catch (SqlException | RuntimeException e) {
      errors.report(e);
      discardUntilSync = true;
    }
    return this;
  }

  private void readyForQuery() {
    if (out.isOpen()) {
      out.write(new ReadyForQuery(session.transactionStatus().code()));
      out.flush();
    }
  }

  @Override
  public long idleInTransactionTimeoutMillis() {
    if (session.transactionStatus() == TransactionStatus.IDLE) {
      return 0;
    }
    String text = session.parameter(TimeoutSetting.IDLE_IN_TRANSACTION_TIMEOUT);
    if (text == null) {
      return 0;
    }
    if (!text.equals(idleTimeoutText)) {
      try {
        idleTimeoutMillis = TimeoutSetting.millis(TimeoutSetting.IDLE_IN_TRANSACTION_TIMEOUT, text);
      } catch (SqlException e) {
        idleTimeoutMillis = 0; // SET validated it; unreachable in practice.
      }
      idleTimeoutText = text;
    }
    return idleTimeoutMillis;
  }

  @Override
  public void idleInTransactionTimedOut() {
    if (session.transactionStatus() != TransactionStatus.IDLE) {
      out.fatal(
          ErrorResponse.fatal(
              "25P03", "terminating connection due to idle-in-transaction timeout"));
    }
  }

  @Override
  public void close() {
    try {
      extended.closeAll();
    } finally {
      session.close();
      onClose.run();
    }
  }
}
