package io.distdb.operator.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves a pod's container environment as the kubelet does: {@code envFrom} ConfigMaps, then
 * {@code env} with values, Secret keys and the downward API ({@code metadata.uid}, {@code
 * metadata.name}).
 */
final class PodEnvironment {

  private final KubernetesClient client;
  private final String namespace;

  PodEnvironment(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  Map<String, String> resolve(Pod pod) {
    var container = pod.getSpec().getContainers().get(0);
    Map<String, String> env = new LinkedHashMap<>();
    for (var from : container.getEnvFrom()) {
      ConfigMap cm =
          client
              .configMaps()
              .inNamespace(namespace)
              .withName(from.getConfigMapRef().getName())
              .get();
      env.putAll(cm.getData());
    }
    for (EnvVar e : container.getEnv()) {
      env.put(e.getName(), value(pod, e));
    }
    return env;
  }

  private String value(Pod pod, EnvVar e) {
    if (e.getValue() != null) {
      return e.getValue();
    }
    var from = e.getValueFrom();
    if (from.getFieldRef() != null) {
      return from.getFieldRef().getFieldPath().equals("metadata.uid")
          ? pod.getMetadata().getUid()
          : pod.getMetadata().getName();
    }
    var ref = from.getSecretKeyRef();
    Secret s = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    return secretValue(s, ref.getKey());
  }

  /** A Secret's value; the mock keeps {@code stringData} as given (an API server moves it). */
  static String secretValue(Secret s, String key) {
    if (s.getData() != null && s.getData().containsKey(key)) {
      return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }
    return s.getStringData().get(key);
  }
}
