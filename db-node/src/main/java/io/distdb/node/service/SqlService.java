package io.distdb.node.service;

/**
 * The node's SQL facade: what the client protocol (and anything else that speaks SQL to the node)
 * needs. Implementations route reads to local storage and writes through the replication log.
 */
public interface SqlService {

  /**
   * Opens a session on a logical database.
   *
   * @throws SqlException with SQLSTATE {@code 3D000} if the database does not exist
   */
  SqlSession open(String user, String database) throws SqlException;
}
