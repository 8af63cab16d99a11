package io.distdb.operator.dependent;

import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ConfigMap of node settings that are not secret, read by every pod as environment ({@code
 * envFrom}); its content is part of each pod's spec hash, so a change rolls the pods.
 */
public final class ConfigMapDependent {

  private ConfigMapDependent() {}

  public static ConfigMap desired(ResolvedSpec spec) {
    return new ConfigMapBuilder()
        .withMetadata(Owners.metadata(spec, spec.names().configMap()))
        .withData(data(spec))
        .build();
  }

  /** The settings, keyed by their {@code DISTDB_*} names. */
  static Map<String, String> data(ResolvedSpec spec) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(NodeEnvironment.DATA_DIR, NodePodSpecFactory.DATA_DIR);
    data.put(NodeEnvironment.CLUSTER_ID, spec.names().clusterId());
    data.put(NodeEnvironment.SYNC_MODE, spec.mode().value());
    data.put(NodeEnvironment.MIN_SYNC_ACKS, Integer.toString(spec.minSyncAcks()));
    data.put(NodeEnvironment.ACK_TIMEOUT_MS, Long.toString(spec.ackTimeoutMillis()));
    data.put(NodeEnvironment.ON_ACK_TIMEOUT, spec.onAckTimeout().value());
    return data;
  }
}
