package io.distdb.node.replication.wire;

/** The {@code uint8} type byte that follows a frame's length. Codes are part of the protocol. */
public enum MessageType {
  CHALLENGE(1),
  HELLO(2),
  WELCOME(3),
  REJECT(4),
  ENTRIES(5),
  ACK(6),
  HEARTBEAT(7),
  SNAPSHOT_BEGIN(8),
  SNAPSHOT_CHUNK(9),
  SNAPSHOT_END(10);

  private static final MessageType[] BY_CODE = new MessageType[256];

  static {
    for (MessageType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  /** The unsigned wire code, 0..255. */
  public int code() {
    return code;
  }

  /**
   * Looks a type up by its unsigned wire code.
   *
   * @throws CorruptFrameException if no message has that code
   */
  public static MessageType fromCode(int code) {
    MessageType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (t == null) {
      throw new CorruptFrameException("unknown message type " + code);
    }
    return t;
  }
}
