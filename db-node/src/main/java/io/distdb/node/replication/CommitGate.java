package io.distdb.node.replication;

/**
 * What a commit waits for after the local log has it durably: nothing on a lone node or under
 * asynchronous replication; acknowledgements from replicas under synchronous replication.
 */
@FunctionalInterface
public interface CommitGate {

  CommitGate LOCAL = lsn -> {};

  /**
   * Returns once the entry at {@code lsn} is as durable as the cluster's mode demands.
   *
   * @throws CommitNotConfirmedException when the mode says a write that could not reach enough
   *     replicas in time fails (it is committed on the master all the same)
   */
  void awaitCommitted(long lsn) throws CommitNotConfirmedException, InterruptedException;
}
