package io.distdb.node.config;

/** What a node does: the master takes writes; slaves replicate and serve reads. */
public enum Role {
  MASTER,
  SLAVE;

  /** The lower-case name used on the command line and in {@code /status}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
