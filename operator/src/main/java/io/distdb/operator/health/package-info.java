/**
 * Health of the nodes: {@link io.distdb.operator.health.HealthMonitor} polls every node's {@code
 * /status} on its own threads; {@link io.distdb.operator.health.SlaveClassifier} applies the
 * two-witness rule; {@link io.distdb.operator.health.RescheduleDecider} keeps reschedules within
 * the isolation rule, one in flight, an hourly budget and per-slave backoff.
 */
package io.distdb.operator.health;
