package io.distdb.node.sql;

/** How the node must route a statement. */
public enum StatementKind {
  /** Reads only: runs on local storage (SELECT, VALUES, TABLE, read-only WITH, EXPLAIN). */
  READ,
  /** Changes rows or sequences: goes through the replication log. */
  WRITE,
  /** Changes the schema of the current database: goes through the replication log. */
  DDL,
  /**
   * CREATE DATABASE / DROP DATABASE: changes the set of logical databases. See {@link
   * DatabaseCommand}.
   */
  DATABASE_DDL,
  /** Transaction control. See {@link TransactionCommand}. */
  TRANSACTION,
  /** Session settings: SET, RESET, SHOW, DISCARD, DEALLOCATE. See {@link SessionCommand}. */
  SESSION,
  /** Only whitespace and comments: PostgreSQL answers EmptyQueryResponse. */
  EMPTY,
  /**
   * Anything else (VACUUM, COPY, LISTEN, roles, tablespaces, ...): the service rejects or ignores
   * it.
   */
  OTHER
}
