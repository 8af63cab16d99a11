package io.distdb.node.pgwire.auth;

/** A SCRAM exchange ended without authenticating the client. */
public final class ScramException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean malformed;

  ScramException(boolean malformed, String message) {
    super(message, null, false, false);
    this.malformed = malformed;
  }

  /**
   * True when the client broke the SCRAM syntax (a protocol violation, 08P01); false when the proof
   * did not match (28P01, reported without saying whether the user exists).
   */
  public boolean isMalformed() {
    return malformed;
  }
}
