package io.distdb.node.admin;

import io.distdb.adminapi.NodeStatus;

/** What the admin API reports; the node's wiring implements it over its live components. */
public interface AdminEndpoints {

  /** Null when the node is ready to serve SQL in its role, else why not. */
  String notReadyReason();

  NodeStatus status();

  /** Metrics in Prometheus text format. */
  String metrics();
}
