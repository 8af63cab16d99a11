package io.distdb.node.replication.auth;

import io.distdb.node.replication.wire.Reject;
import io.distdb.node.replication.wire.RejectReason;
import io.distdb.node.replication.wire.StartMode;
import io.distdb.node.replication.wire.Welcome;
import java.util.Objects;

/** Outcome of {@link HandshakeValidator#validate}: what the master answers to a Hello. */
public sealed interface HandshakeResult {

  /** The slave may replicate; send {@code welcome} (it carries the master's proof). */
  record Accepted(Welcome welcome) implements HandshakeResult {

    public Accepted {
      Objects.requireNonNull(welcome, "welcome");
    }

    public StartMode mode() {
      return welcome.mode();
    }
  }

  /** The slave is refused; send {@link #toMessage()} and close. */
  record Rejected(RejectReason reason, String message) implements HandshakeResult {

    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    public Reject toMessage() {
      return new Reject(reason, message);
    }
  }
}
