package io.distdb.operator.reconciler;

import io.distdb.operator.dependent.SecretKeys;
import io.distdb.operator.health.HealthMonitor;
import io.distdb.operator.health.PollTarget;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Tells the health monitor which pods to poll and with which token (read from its Secret). */
final class HealthTargets {

  private final KubernetesClient client;
  private final int adminPort;

  /**
   * @param adminPort the nodes' admin port (db-node's default; tests' fake nodes use others)
   */
  HealthTargets(KubernetesClient client, int adminPort) {
    this.client = client;
    this.adminPort = adminPort;
  }

  void watch(HealthMonitor health, String key, ResolvedSpec spec, Pod master, List<Pod> slaves) {
    List<PollTarget> targets = new ArrayList<>();
    if (master != null) {
      add(targets, master);
    }
    slaves.forEach(p -> add(targets, p));
    health.watch(
        key,
        targets,
        targets.isEmpty() ? null : token(spec),
        Duration.ofSeconds(spec.periodSeconds()),
        Duration.ofSeconds(spec.timeoutSeconds()));
  }

  private void add(List<PollTarget> targets, Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    if (ip == null || ip.isEmpty()) {
      return; // not scheduled or not started: nothing to poll yet
    }
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    targets.add(
        new PollTarget(
            pod.getMetadata().getName(),
            pod.getMetadata().getUid(),
            URI.create("http://" + host + ":" + adminPort)));
  }

  private String token(ResolvedSpec spec) {
    Secret secret =
        client
            .secrets()
            .inNamespace(spec.names().namespace())
            .withName(spec.names().adminTokenSecret())
            .get();
    if (secret == null) {
      return null;
    }
    if (secret.getData() != null && secret.getData().containsKey(SecretKeys.ADMIN_TOKEN)) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(SecretKeys.ADMIN_TOKEN)),
          StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null
        ? null
        : secret.getStringData().get(SecretKeys.ADMIN_TOKEN);
  }
}
