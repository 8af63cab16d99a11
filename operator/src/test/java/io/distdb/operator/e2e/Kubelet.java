package io.distdb.operator.e2e;

import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.dependent.PodConditions;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the kubelet of every machine (and the node controller's part for pods on a machine that is
 * not up): runs each bound pod's container as a real db-node process ({@link Container}), restarts
 * it after it exits with a doubling backoff, kills it when the pod is deleted, and reports the
 * pod's IP, restart count and readiness ({@code /readyz}) back. A slave reaches its master through
 * a {@link TcpProxy} of its own (the pod's network path), which faults can blackhole.
 */
final class Kubelet implements AutoCloseable {

  /** db-node refuses to start with less free disk than this: a start that always fails. */
  private static final String IMPOSSIBLE_FREE_BYTES = Long.toString(Long.MAX_VALUE / 2);

  private static final long BASE_BACKOFF_MS = 200;
  private static final long MAX_BACKOFF_MS = 3_200;

  private final KubernetesClient client;
  private final String namespace;
  private final Machines machines;
  private final Volumes volumes;
  private final PodEnvironment environment;
  private final Path nodeJar;
  private final Path logs;
  private final Map<String, PodRuntime> runtimes = new ConcurrentHashMap<>();
  private final Set<String> failingStarts = ConcurrentHashMap.newKeySet();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();

  /** What the kubelet keeps about one pod incarnation (by UID). */
  private static final class PodRuntime {
    final String pod;
    final String machine;
    final String ip = Loopback.nextPodIp();
    TcpProxy link;
    Container container;
    boolean everStarted;
    int restarts;
    long backoffMs;
    long nextStartAt;

    PodRuntime(String pod, String machine) {
      this.pod = pod;
      this.machine = machine;
    }

    void stop() {
      if (container != null) {
        container.kill9();
      }
      if (link != null) {
        link.close();
      }
    }
  }

  Kubelet(
      KubernetesClient client,
      String namespace,
      Machines machines,
      Volumes volumes,
      Path nodeJar,
      Path logs) {
    this.client = client;
    this.namespace = namespace;
    this.machines = machines;
    this.volumes = volumes;
    this.environment = new PodEnvironment(client, namespace);
    this.nodeJar = nodeJar;
    this.logs = logs;
    // should the test JVM be stopped (failsafe timeout, Ctrl-C), take the node processes along
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "kubelet-shutdown"));
  }

  /** The IP of pod {@code name}'s current incarnation, if it has one. */
  Optional<String> ip(String name) {
    return runtimes.values().stream()
        .filter(r -> r.pod.equals(name) && r.everStarted)
        .map(r -> r.ip)
        .reduce((a, b) -> b);
  }

  /** SIGKILLs pod {@code name}'s container (the kubelet restarts it). */
  void kill9(String name) {
    runtimes.values().stream()
        .filter(r -> r.pod.equals(name) && r.container != null)
        .forEach(r -> r.container.kill9());
  }

  /** While on, every start of pod {@code name}'s container fails at once. */
  void failStarts(String name, boolean on) {
    if (on) {
      failingStarts.add(name);
    } else {
      failingStarts.remove(name);
    }
  }

  /** Drops (true) or passes again (false) every byte between slave {@code name} and its master. */
  void blackholeReplication(String name, boolean on) {
    runtimes.values().stream()
        .filter(r -> r.pod.equals(name) && r.link != null)
        .forEach(r -> r.link.blackhole(on));
  }

  /** The machine is powered off: its containers die with it. */
  void powerOff(String machine) {
    runtimes
        .values()
        .removeIf(
            r -> {
              if (r.machine.equals(machine)) {
                r.stop();
                return true;
              }
              return false;
            });
  }

  void tick(List<Pod> pods) {
    Set<String> uids = new java.util.HashSet<>();
    pods.forEach(p -> uids.add(p.getMetadata().getUid()));
    runtimes
        .entrySet()
        .removeIf(
            e -> {
              PodRuntime r = e.getValue();
              // a partitioned kubelet does not learn that its pod was deleted
              boolean gone =
                  !uids.contains(e.getKey())
                      && machines.state(r.machine) != Machines.State.PARTITIONED;
              if (gone) {
                r.stop();
              }
              return gone;
            });
    for (Pod pod : pods) {
      String machine = pod.getSpec().getNodeName();
      if (machine == null || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      if (machines.state(machine) != Machines.State.UP) {
        nodeNotReady(pod);
        continue;
      }
      PodRuntime r =
          runtimes.computeIfAbsent(
              pod.getMetadata().getUid(),
              uid -> new PodRuntime(pod.getMetadata().getName(), machine));
      try {
        run(pod, r);
        report(pod, r);
      } catch (IOException | RuntimeException e) {
        System.err.println("kubelet: pod " + r.pod + ": " + e);
      }
    }
  }

  private void run(Pod pod, PodRuntime r) throws IOException {
    long now = System.currentTimeMillis();
    if (r.container != null && !r.container.alive()) {
      r.backoffMs =
          r.container.uptimeMillis() > 10_000
              ? BASE_BACKOFF_MS
              : Math.min(MAX_BACKOFF_MS, r.backoffMs == 0 ? BASE_BACKOFF_MS : r.backoffMs * 2);
      r.nextStartAt = now + r.backoffMs;
      r.container = null;
      r.restarts++;
    }
    if (r.container != null || now < r.nextStartAt) {
      return;
    }
    String claim = claimName(pod);
    Optional<Path> volume = claim == null ? Optional.empty() : volumes.volume(claim);
    if (volume.isEmpty()) {
      return; // the volume cannot be mounted: the container stays in ContainerCreating
    }
    Map<String, String> env = environment.resolve(pod);
    env.put(NodeEnvironment.ADVERTISE, r.ip + ":" + NodeEnvironment.DEFAULT_REPLICATION_PORT);
    if (env.containsKey(NodeEnvironment.MASTER)) {
      if (r.link == null) {
        String masterPod = env.get(NodeEnvironment.MASTER).split("\\.")[0];
        r.link =
            new TcpProxy(
                Loopback.nextProxyIp(),
                0,
                () ->
                    ip(masterPod)
                        .map(
                            ip ->
                                new InetSocketAddress(
                                    ip, NodeEnvironment.DEFAULT_REPLICATION_PORT)));
      }
      InetSocketAddress link = r.link.address();
      env.put(NodeEnvironment.MASTER, link.getHostString() + ":" + link.getPort());
    }
    if (failingStarts.contains(r.pod)) {
      env.put("DISTDB_MIN_FREE_BYTES", IMPOSSIBLE_FREE_BYTES);
    }
    r.container = Container.start(nodeJar, env, r.ip, volume.get(), logs.resolve(r.pod + ".log"));
    r.everStarted = true;
  }

  private void report(Pod pod, PodRuntime r) {
    boolean running = r.container != null && r.container.alive();
    boolean ready = running && readyz(r.ip);
    String ip = r.everStarted ? r.ip : null;
    var status = pod.getStatus();
    boolean same =
        status != null
            && java.util.Objects.equals(ip, status.getPodIP())
            && ready == PodConditions.isReady(pod)
            && restarts(pod) == r.restarts
            && (running ? "Running" : "Pending").equals(status.getPhase());
    if (same) {
      return;
    }
    String container = pod.getSpec().getContainers().get(0).getName();
    var newStatus =
        new PodStatusBuilder()
            .withPhase(running ? "Running" : "Pending")
            .withPodIP(ip)
            .withHostIP(ip)
            .withConditions(
                new PodConditionBuilder().withType("PodScheduled").withStatus("True").build(),
                new PodConditionBuilder()
                    .withType("Ready")
                    .withStatus(ready ? "True" : "False")
                    .build())
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName(container)
                    .withRestartCount(r.restarts)
                    .withReady(ready)
                    .withStarted(running)
                    .build())
            .build();
    client
        .pods()
        .inNamespace(namespace)
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              p.setStatus(newStatus);
              return p;
            });
  }

  /** The node controller marks the pods of a machine that stopped reporting not ready. */
  private void nodeNotReady(Pod pod) {
    if (!PodConditions.isReady(pod)) {
      return;
    }
    client
        .pods()
        .inNamespace(namespace)
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              p.getStatus().getConditions().stream()
                  .filter(c -> "Ready".equals(c.getType()))
                  .forEach(
                      c -> {
                        c.setStatus("False");
                        c.setReason("NodeNotReady");
                      });
              return p;
            });
  }

  private boolean readyz(String ip) {
    try {
      var request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://"
                          + ip
                          + ":"
                          + NodeEnvironment.DEFAULT_ADMIN_PORT
                          + NodeEnvironment.PATH_READYZ))
              .timeout(Duration.ofMillis(500))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int restarts(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses().isEmpty()
        ? 0
        : pod.getStatus().getContainerStatuses().get(0).getRestartCount();
  }

  /** The claim a pod mounts, null if none. */
  static String claimName(Pod pod) {
    return pod.getSpec().getVolumes().stream()
        .filter(v -> v.getPersistentVolumeClaim() != null)
        .map(v -> v.getPersistentVolumeClaim().getClaimName())
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    runtimes.values().forEach(PodRuntime::stop);
    runtimes.clear();
  }
}
