package io.distdb.node.log;

/**
 * One record of the replication log: a log sequence number and the opaque bytes appended under it
 * (a serialized SQL transaction; the log never interprets them).
 *
 * <p>The payload array is handed out as-is, without a defensive copy, because entries flow through
 * the hot replication path; callers must treat it as read-only.
 */
public record LogEntry(long lsn, byte[] payload) {}
