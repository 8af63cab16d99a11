package io.distdb.node.replication.wire;

/** Why the master refused a slave's {@link Hello}. Codes are part of the protocol. */
public enum RejectReason {
  /** The slave's proof does not match: it does not know the shared secret (or was replayed). */
  BAD_PROOF(1),
  /** Same secret, different cluster id: a misconfigured slave pointed at the wrong cluster. */
  CLUSTER_MISMATCH(2),
  /** The slave has seen a higher epoch than ours, so this master has been superseded. */
  STALE_EPOCH(3),
  /** The slave claims entries this master never wrote in the current epoch. */
  LSN_FROM_FUTURE(4),
  /** The peers speak different protocol versions. */
  VERSION_MISMATCH(5),
  /** The contacted node is not (or no longer) the master. */
  NOT_MASTER(6),
  /** Another live session already uses this node id, or the id is the master's own. */
  DUPLICATE_NODE(7),
  /** The node id or incarnation is not a DNS-label-like name (see PeerIdentity). */
  BAD_NODE_ID(8),
  /** A newer incarnation of this node id has registered since; this one is retired. */
  SUPERSEDED(9);

  private final int code;

  RejectReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /**
   * @throws CorruptFrameException for an unknown code
   */
  public static RejectReason fromCode(int code) {
    for (RejectReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    throw new CorruptFrameException("unknown reject reason " + code);
  }
}
