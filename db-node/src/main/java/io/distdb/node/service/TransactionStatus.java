package io.distdb.node.service;

/** The transaction state ReadyForQuery reports. */
public enum TransactionStatus {
  IDLE('I'),
  IN_TRANSACTION('T'),
  FAILED('E');

  private final char code;

  TransactionStatus(char code) {
    this.code = code;
  }

  /** The status byte: 'I', 'T' or 'E'. */
  public char code() {
    return code;
  }
}
