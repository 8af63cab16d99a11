package io.distdb.operator.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * What a cluster runs besides the API server, played against the mock API server so the operator
 * sees what it would on Kubernetes: StatefulSet controller, volume provisioner, scheduler, a
 * kubelet per machine running REAL db-node processes (each pod on its own loopback IP), the node
 * controller, and kube-proxy (a TCP proxy per Service). Faults act on the real processes and links
 * and show up as Kubernetes would show them: restart counts, NotReady nodes, missing claims.
 */
public final class FakeKubernetes implements AutoCloseable {

  private static final long TICK_MS = 250;

  private final KubernetesClient client;
  private final String namespace;
  private final Machines machines;
  private final Volumes volumes;
  private final StatefulSetController statefulSets;
  private final Scheduler scheduler;
  private final Kubelet kubelet;
  private final ServiceProxies services;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fake-kubernetes");
            t.setDaemon(true);
            return t;
          });

  /**
   * Starts playing the controllers in {@code namespace} with {@code machineCount} machines; node
   * processes run {@code nodeJar}, their volumes and logs live under {@code root}.
   */
  public FakeKubernetes(
      KubernetesClient client, String namespace, int machineCount, Path nodeJar, Path root)
      throws IOException {
    this.client = client;
    this.namespace = namespace;
    Path logs = Files.createDirectories(root.resolve("logs"));
    this.machines = new Machines(client, machineCount);
    this.volumes = new Volumes(client, namespace, Files.createDirectories(root.resolve("volumes")));
    this.statefulSets = new StatefulSetController(client, namespace);
    this.scheduler = new Scheduler(client, namespace, machines);
    this.kubelet = new Kubelet(client, namespace, machines, volumes, nodeJar, logs);
    this.services = new ServiceProxies(client, namespace);
    loop.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      statefulSets.tick();
      volumes.tick();
      List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
      scheduler.tick(pods);
      kubelet.tick(pods);
      services.tick(client.pods().inNamespace(namespace).list().getItems());
    } catch (RuntimeException e) {
      System.err.println("fake kubernetes: " + e);
    }
  }

  /** Where clients connect to Service {@code name} (waits until kube-proxy serves it). */
  public InetSocketAddress service(String name) {
    return Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> services.address(name), a -> a.isPresent())
        .get();
  }

  /** The IP of pod {@code name}'s running incarnation. */
  public String ip(String pod) {
    return kubelet.ip(pod).orElseThrow(() -> new IllegalStateException("no IP for " + pod));
  }

  /** The machine pod {@code name} is bound to, null if none. */
  public String machineOf(String pod) {
    Pod p = client.pods().inNamespace(namespace).withName(pod).get();
    return p == null ? null : p.getSpec().getNodeName();
  }

  /** {@code kill -9} the container of pod {@code name}; its kubelet restarts it. */
  public void kill9(String pod) {
    kubelet.kill9(pod);
  }

  /** While on, pod {@code name}'s container exits at every start (db-node refuses a full disk). */
  public void failStarts(String pod, boolean on) {
    kubelet.failStarts(pod, on);
  }

  /** Drops every byte between slave {@code pod} and its master (true), or passes them again. */
  public void blackholeReplication(String pod, boolean on) {
    kubelet.blackholeReplication(pod, on);
  }

  /** Powers {@code machine} off: its containers die, its Node turns NotReady. */
  public void powerOff(String machine) {
    machines.set(machine, Machines.State.DOWN);
    kubelet.powerOff(machine);
  }

  /** Cuts {@code machine}'s kubelet off the API server: NotReady, containers keep running. */
  public void partition(String machine) {
    machines.set(machine, Machines.State.PARTITIONED);
  }

  /** The machine is up and reporting again. */
  public void restore(String machine) {
    machines.set(machine, Machines.State.UP);
  }

  /**
   * The disk of pod {@code pod}'s claim is destroyed: the claim object and its files are gone, and
   * the container using it dies.
   */
  public void loseVolume(String pod) throws IOException {
    Pod p = client.pods().inNamespace(namespace).withName(pod).get();
    volumes.lose(Kubelet.claimName(p), () -> kubelet.kill9(pod));
  }

  /**
   * The disk of pod {@code pod}'s claim returns garbage: the container dies, and before the kubelet
   * restarts it every storage file on the volume is overwritten in places.
   */
  public void corruptVolume(String pod) throws IOException {
    Pod p = client.pods().inNamespace(namespace).withName(pod).get();
    Path volume = volumes.volume(Kubelet.claimName(p)).orElseThrow();
    kubelet.kill9(pod);
    Volumes.corrupt(volume);
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    kubelet.close();
  }
}
