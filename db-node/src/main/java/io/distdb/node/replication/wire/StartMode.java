package io.distdb.node.replication.wire;

/** How the master will bring a freshly connected slave up to date. */
public enum StartMode {
  /** The slave's position is still in the master's log: entries follow directly. */
  STREAM(1),
  /** The slave is too far behind (or diverged): a full snapshot follows, then entries. */
  SNAPSHOT(2);

  private final int code;

  StartMode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /**
   * @throws CorruptFrameException for an unknown code
   */
  public static StartMode fromCode(int code) {
    for (StartMode m : values()) {
      if (m.code == code) {
        return m;
      }
    }
    throw new CorruptFrameException("unknown start mode " + code);
  }
}
