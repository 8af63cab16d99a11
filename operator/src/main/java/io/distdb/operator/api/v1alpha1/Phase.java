package io.distdb.operator.api.v1alpha1;

/** One word for {@code kubectl get ddb}; the conditions say why. */
public enum Phase {
  /** Objects are being created or nodes are starting. */
  Pending,
  /** Every node is ready and replicating. */
  Running,
  /** Serving, but some node is not ready, lagging or being replaced. */
  Degraded,
  /** The spec was rejected; nothing is changed until it is fixed. */
  Invalid
}
