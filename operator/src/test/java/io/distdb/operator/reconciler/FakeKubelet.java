package io.distdb.operator.reconciler;

import io.distdb.adminapi.NodeEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays StatefulSet controller and kubelet against the mock API server: creates the master pod from
 * the StatefulSet's template, starts a REAL db-node process per pod on its own loopback IP
 * (127.0.1.10 upwards) with the pod's environment (Secrets, ConfigMap, downward API resolved), and
 * reports the pod's IP and readiness (from /readyz) back. Pod DNS names do not resolve here, so the
 * advertised and master addresses are rewritten to the pods' IPs.
 */
final class FakeKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final Path nodeJar;
  private final Path dataRoot;
  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final Map<String, String> ips = new ConcurrentHashMap<>();
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
  private int nextIp = 10;

  FakeKubelet(KubernetesClient client, String namespace, Path nodeJar, Path dataRoot) {
    this.client = client;
    this.namespace = namespace;
    this.nodeJar = nodeJar;
    this.dataRoot = dataRoot;
    loop.scheduleWithFixedDelay(this::tick, 0, 300, TimeUnit.MILLISECONDS);
  }

  String ip(String pod) {
    return ips.get(pod);
  }

  private void tick() {
    try {
      for (StatefulSet sts :
          client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
        String pod = sts.getMetadata().getName() + "-0";
        if (client.pods().inNamespace(namespace).withName(pod).get() == null) {
          var t = sts.getSpec().getTemplate();
          client
              .resource(
                  new PodBuilder()
                      .withNewMetadata()
                      .withName(pod)
                      .withNamespace(namespace)
                      .withUid(java.util.UUID.randomUUID().toString())
                      .withLabels(t.getMetadata().getLabels())
                      .withAnnotations(t.getMetadata().getAnnotations())
                      .endMetadata()
                      .withSpec(t.getSpec())
                      .build())
              .create();
        }
      }
      var pods = client.pods().inNamespace(namespace).list().getItems();
      processes
          .keySet()
          .removeIf(
              name -> {
                boolean gone = pods.stream().noneMatch(p -> p.getMetadata().getName().equals(name));
                if (gone) {
                  processes.get(name).destroyForcibly();
                }
                return gone;
              });
      for (Pod pod : pods) {
        String name = pod.getMetadata().getName();
        if (!processes.containsKey(name)) {
          start(pod);
        }
        report(pod);
      }
    } catch (Exception e) {
      System.err.println("fake kubelet: " + e);
    }
  }

  private void start(Pod pod) throws IOException {
    String name = pod.getMetadata().getName();
    String ip = ips.computeIfAbsent(name, n -> "127.0.1." + nextIp++);
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
    env.put(NodeEnvironment.BIND, ip);
    env.put(NodeEnvironment.ADVERTISE, ip + ":" + NodeEnvironment.DEFAULT_REPLICATION_PORT);
    if (env.containsKey(NodeEnvironment.MASTER)) {
      String masterPod = env.get(NodeEnvironment.MASTER).split("\\.")[0];
      String masterIp = ips.get(masterPod);
      if (masterIp == null) {
        return; // start the slave once the master has an address
      }
      env.put(NodeEnvironment.MASTER, masterIp + ":" + NodeEnvironment.DEFAULT_REPLICATION_PORT);
    }
    Path data = dataRoot.resolve(name);
    Files.createDirectories(data);
    env.put(NodeEnvironment.DATA_DIR, data.toString());
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-jar",
            nodeJar.toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dataRoot.resolve(name + ".log").toFile());
    processes.put(name, pb.start());
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
    if (s.getData() != null && s.getData().containsKey(ref.getKey())) {
      return new String(
          Base64.getDecoder().decode(s.getData().get(ref.getKey())), StandardCharsets.UTF_8);
    }
    return s.getStringData().get(ref.getKey());
  }

  private void report(Pod pod) {
    String name = pod.getMetadata().getName();
    String ip = ips.get(name);
    Process p = processes.get(name);
    if (ip == null || p == null) {
      return;
    }
    boolean ready = p.isAlive() && readyz(ip);
    boolean wasReady =
        pod.getStatus() != null
            && pod.getStatus().getConditions() != null
            && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    boolean hasIp = pod.getStatus() != null && ip.equals(pod.getStatus().getPodIP());
    if (ready == wasReady && hasIp) {
      return;
    }
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withPodIP(ip)
            .withConditions(
                new PodConditionBuilder()
                    .withType("Ready")
                    .withStatus(ready ? "True" : "False")
                    .build())
            .build());
    client.resource(pod).updateStatus();
  }

  private boolean readyz(String ip) {
    try {
      var r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://" + ip + ":" + NodeEnvironment.DEFAULT_ADMIN_PORT + "/readyz"))
                  .timeout(Duration.ofMillis(500))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
    processes.values().forEach(Process::destroyForcibly);
  }
}
