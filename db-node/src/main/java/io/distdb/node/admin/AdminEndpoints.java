package io.distdb.node.admin;

import io.distdb.adminapi.NodeStatus;
import io.distdb.node.storage.DatabaseChecksum;
import java.util.Map;

/** What the admin API reports; the node's wiring implements it over its live components. */
public interface AdminEndpoints {

  /**
   * Null while the process can still serve; else why a restart is needed (storage failed, an
   * unexpected error in a worker thread): {@code /healthz} then fails so the kubelet restarts it.
   */
  String notLiveReason();

  /** Null when the node is ready to serve SQL in its role, else why not. */
  String notReadyReason();

  NodeStatus status();

  /** Each database's content checksum, taken at its applied LSN. */
  Map<String, DatabaseChecksum.Result> checksums();

  /** Metrics in Prometheus text format. */
  String metrics();
}
