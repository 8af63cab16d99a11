package io.distdb.node.replication.auth;

import java.util.regex.Pattern;

/**
 * What a slave may call itself. Checked before the id or incarnation reaches a log line, a map or
 * {@code /status}: a node id is a DNS label or pod name (at most 63 of {@code [a-z0-9.-]}), an
 * incarnation a UUID or pod UID (at most 64 of {@code [A-Za-z0-9-]}, empty allowed).
 */
public final class PeerIdentity {

  public static final int MAX_NODE_ID_LENGTH = 63;

  private static final Pattern NODE_ID = Pattern.compile("[a-z0-9.-]{1,63}");
  private static final Pattern INCARNATION = Pattern.compile("[A-Za-z0-9-]{0,64}");

  private PeerIdentity() {}

  public static boolean isValidNodeId(String id) {
    return id != null && NODE_ID.matcher(id).matches();
  }

  public static boolean isValidIncarnation(String incarnation) {
    return incarnation != null && INCARNATION.matcher(incarnation).matches();
  }
}
