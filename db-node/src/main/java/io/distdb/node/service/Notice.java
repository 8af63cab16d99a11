package io.distdb.node.service;

/**
 * A NOTICE the statement raised, sent to the client that ran it before the CommandComplete (as
 * PostgreSQL's {@code relation "t" already exists, skipping}).
 */
public record Notice(String sqlState, String message) {}
