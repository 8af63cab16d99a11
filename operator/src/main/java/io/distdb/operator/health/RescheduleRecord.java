package io.distdb.operator.health;

/**
 * The last time the operator replaced a slave, for the status.
 *
 * @param time when (RFC 3339)
 * @param reason why, e.g. "NodeLost: node n1 NotReady"
 */
public record RescheduleRecord(String time, String reason) {}
