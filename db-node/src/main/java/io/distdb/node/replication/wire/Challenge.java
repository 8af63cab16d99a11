package io.distdb.node.replication.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Master → slave, the first frame on every accepted connection. The fresh server nonce makes the
 * slave's proof unique to this connection, so a captured {@link Hello} cannot be replayed.
 */
public record Challenge(int protocolVersion, byte[] serverNonce) implements ReplicationMessage {

  public Challenge {
    Objects.requireNonNull(serverNonce, "serverNonce");
  }

  @Override
  public MessageType type() {
    return MessageType.CHALLENGE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Challenge c
        && protocolVersion == c.protocolVersion
        && Arrays.equals(serverNonce, c.serverNonce);
  }

  @Override
  public int hashCode() {
    return 31 * protocolVersion + Arrays.hashCode(serverNonce);
  }

  @Override
  public String toString() {
    return "Challenge[protocolVersion="
        + protocolVersion
        + ", serverNonce="
        + Bytes.describe(serverNonce)
        + "]";
  }
}
