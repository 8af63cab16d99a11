package io.distdb.node.replication;

/** Where a slave stands, as the master sees it. */
public enum LinkState {
  HANDSHAKE("handshake"),
  STREAMING("streaming"),
  CATCHING_UP("catching-up"),
  SNAPSHOT("snapshot"),
  DISCONNECTED("disconnected");

  private final String wireName;

  LinkState(String wireName) {
    this.wireName = wireName;
  }

  /** The name {@code /status} uses. */
  public String wireName() {
    return wireName;
  }
}
