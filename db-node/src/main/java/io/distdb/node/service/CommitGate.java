package io.distdb.node.service;

/**
 * What a commit waits for after the local log has it durably: nothing on a lone node; acknowledgements
 * from replicas under synchronous replication.
 */
@FunctionalInterface
public interface CommitGate {

  CommitGate LOCAL = lsn -> {};

  /**
   * Returns once the entry at {@code lsn} is as durable as the cluster's mode demands.
   *
   * @throws SqlException when the mode says a write that cannot reach enough replicas fails
   */
  void awaitCommitted(long lsn) throws SqlException;
}
