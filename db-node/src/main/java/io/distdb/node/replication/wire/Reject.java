package io.distdb.node.replication.wire;

import java.util.Objects;

/** Master → slave: the handshake failed; the master closes the connection after sending it. */
public record Reject(RejectReason reason, String message) implements ReplicationMessage {

  public Reject {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public MessageType type() {
    return MessageType.REJECT;
  }
}
