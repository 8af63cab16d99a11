package io.distdb.node.storage;

/**
 * An H2 error as a PostgreSQL client expects to see it.
 *
 * @param sqlState PostgreSQL's five-character SQLSTATE
 * @param message the primary message, worded like PostgreSQL's
 * @param detail the DETAIL field, or null
 */
public record TranslatedError(String sqlState, String message, String detail) {}
