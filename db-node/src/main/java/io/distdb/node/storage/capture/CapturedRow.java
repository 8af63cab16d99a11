package io.distdb.node.storage.capture;

/**
 * One row the engine changed, as the capture trigger saw it: all of the table's columns in table
 * order, as JDBC objects.
 *
 * @param statement which statement of the capturing buffer made the change (cascades and triggers
 *     count as part of the statement that caused them)
 * @param oldRow null for an insert
 * @param newRow null for a delete
 */
public record CapturedRow(
    String schema, String table, int statement, Object[] oldRow, Object[] newRow) {}
