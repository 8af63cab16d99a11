package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.FrontendMessage;

/** A stage of a connection's life: startup/authentication, then commands. */
interface Phase {

  /** Handles one message and returns the phase that handles the next one. */
  Phase handle(FrontendMessage msg);

  /**
   * How long the client may stay silent now before the connection is closed with 25P03; 0 when it
   * is not inside a transaction block or no {@code idle_in_transaction_session_timeout} is set.
   */
  default long idleInTransactionTimeoutMillis() {
    return 0;
  }

  /** The client stayed silent for that long: end the connection if still in a transaction. */
  default void idleInTransactionTimedOut() {}

  /** The connection is gone: release everything this phase holds. Never throws. */
  void close();
}
