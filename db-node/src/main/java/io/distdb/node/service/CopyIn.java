package io.distdb.node.service;

/**
 * A {@code COPY ... FROM STDIN} under way: the protocol hands it each CopyData message's bytes in
 * order and then CopyDone or CopyFail. Rows reach the engine in batches while the data streams, so
 * memory holds one batch and one unfinished line, never the whole input.
 *
 * <p>When a method throws, the COPY has already been undone; the protocol only reports the error.
 */
public interface CopyIn {

  /** The bytes of one CopyData message (any cut: mid-line, mid-character). */
  void data(byte[] bytes) throws SqlException;

  /** CopyDone: the last rows go in and the COPY commits; returns the tag ({@code COPY 3}). */
  String done() throws SqlException;

  /** A broken connection: everything the COPY wrote is undone. Never throws. */
  void fail();

  /**
   * The client ended the COPY (CopyFail, or a message that has no place in it): undoes it like
   * {@link #fail} and returns the error to report, located at the line it was reading, as
   * PostgreSQL does.
   */
  SqlException failedBy(String sqlState, String message);

  /**
   * The client sends COPY's binary format ({@code FORMAT binary}); the protocol layer turns it into
   * text-format lines before {@link #data} sees them.
   */
  default boolean binary() {
    return false;
  }
}
