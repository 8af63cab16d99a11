/**
 * One class per Kubernetes object kind a database owns, each building the desired objects from a
 * {@link io.distdb.operator.spec.ResolvedSpec}; {@link io.distdb.operator.dependent.ObjectApplier}
 * writes them only when they differ. The slave pods and claims are planned as a set by {@link
 * io.distdb.operator.dependent.SlaveSetPlanner}.
 */
package io.distdb.operator.dependent;
