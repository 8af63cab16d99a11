package io.distdb.node.copy;

/**
 * One data line of COPY input, split into fields.
 *
 * @param line the line number PostgreSQL reports (1 is the first line, header included)
 * @param fields one value per column, null for the NULL marker
 */
public record CopyRow(long line, String[] fields) {}
