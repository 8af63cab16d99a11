package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.FrontendMessage;

/** A stage of a connection's life: startup/authentication, then commands. */
interface Phase {

  /** Handles one message and returns the phase that handles the next one. */
  Phase handle(FrontendMessage msg);

  /** The connection is gone: release everything this phase holds. Never throws. */
  void close();
}
