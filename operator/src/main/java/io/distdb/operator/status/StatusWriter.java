package io.distdb.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.DistributedDatabaseStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a database's status. It merges conditions (transition times move only on
 * change), skips a write that would change nothing, and on a 409 conflict re-reads the resource and
 * writes again on top of the latest version, a bounded number of times.
 */
public final class StatusWriter {

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  static final int MAX_ATTEMPTS = 3;

  private final KubernetesClient client;
  private final Clock clock;

  public StatusWriter(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Makes {@code desired} the status of {@code ddb}.
   *
   * @return true if it wrote, false if the status already was {@code desired}
   */
  public boolean write(DistributedDatabase ddb, DistributedDatabaseStatus desired) {
    DistributedDatabase current = ddb;
    for (int attempt = 1; ; attempt++) {
      DistributedDatabaseStatus merged = merged(current.getStatus(), desired);
      if (same(current.getStatus(), merged)) {
        return false;
      }
      DistributedDatabase copy = Serialization.clone(current);
      copy.setStatus(merged);
      try {
        client.resource(copy).updateStatus();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        LOG.debug(
            "status of {}/{} changed meanwhile, writing again on the latest version",
            ddb.getMetadata().getNamespace(),
            ddb.getMetadata().getName());
        current = client.resource(ddb).get();
        if (current == null) {
          return false;
        }
      }
    }
  }

  private DistributedDatabaseStatus merged(
      DistributedDatabaseStatus old, DistributedDatabaseStatus desired) {
    DistributedDatabaseStatus merged = Serialization.clone(desired);
    merged.setConditions(
        Conditions.merge(
            old == null ? null : old.getConditions(), desired.getConditions(), clock.instant()));
    return merged;
  }

  private static boolean same(DistributedDatabaseStatus a, DistributedDatabaseStatus b) {
    return a != null && JSON.valueToTree(a).equals(JSON.valueToTree(b));
  }
}
