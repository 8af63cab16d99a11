package io.distdb.node.service;

/**
 * A NOTICE the statement raised, sent to the client that ran it before the CommandComplete (as
 * PostgreSQL's {@code relation "t" already exists, skipping}).
 *
 * @param detail its DETAIL, or null
 */
public record Notice(String sqlState, String message, String detail) {

  /** A notice without a DETAIL. */
  public Notice(String sqlState, String message) {
    this(sqlState, message, null);
  }
}
