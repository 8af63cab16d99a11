/**
 * The distdb operator: reconciles a {@code DistributedDatabase} into a master StatefulSet, slave
 * pods with their claims, Services, a ConfigMap, Secrets and PodDisruptionBudgets, and polls each
 * node through the admin API's documents in {@code io.distdb.adminapi} (never depending on
 * db-node). {@link io.distdb.operator.OperatorMain} only wires the packages together.
 */
package io.distdb.operator;
