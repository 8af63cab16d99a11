package io.distdb.node.pgwire.protocol;

/** The magic numbers a startup-phase frame may begin with. */
public final class ProtocolCodes {

  /** Protocol 3.0: major 3 in the high 16 bits, minor 0 in the low 16. */
  public static final int PROTOCOL_3_0 = 196608;

  public static final int SSL_REQUEST = 80877103;
  public static final int GSSENC_REQUEST = 80877104;
  public static final int CANCEL_REQUEST = 80877102;

  private ProtocolCodes() {}

  public static int major(int code) {
    return code >>> 16;
  }

  public static int minor(int code) {
    return code & 0xFFFF;
  }
}
