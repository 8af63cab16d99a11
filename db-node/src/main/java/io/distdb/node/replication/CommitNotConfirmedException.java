package io.distdb.node.replication;

/** A commit is durable on the master but fewer replicas than required confirmed it in time. */
public class CommitNotConfirmedException extends Exception {

  private static final long serialVersionUID = 1L;

  public CommitNotConfirmedException(String message) {
    super(message);
  }
}
