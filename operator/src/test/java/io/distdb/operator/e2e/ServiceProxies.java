package io.distdb.operator.e2e;

import io.distdb.operator.dependent.PodConditions;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays kube-proxy: a {@link TcpProxy} per Service with a selector and a cluster IP (not the
 * headless one), on an address of its own. Each new connection goes to one of the Service's
 * endpoints at that moment (round robin): the pods its selector matches that are Ready and have an
 * IP, on the target port named by the Service. So labels and readiness the operator and kubelet
 * change are followed as the endpoints controller would; open connections stay where they are.
 */
final class ServiceProxies implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final Map<String, TcpProxy> proxies = new ConcurrentHashMap<>();
  private final AtomicInteger roundRobin = new AtomicInteger();
  private volatile List<Pod> pods = List.of();

  ServiceProxies(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** The address clients use for Service {@code name}, once it exists. */
  Optional<InetSocketAddress> address(String name) {
    return Optional.ofNullable(proxies.get(name)).map(TcpProxy::address);
  }

  void tick(List<Pod> current) {
    pods = current;
    for (Service s : client.services().inNamespace(namespace).list().getItems()) {
      String name = s.getMetadata().getName();
      if ("None".equals(s.getSpec().getClusterIP())
          || s.getSpec().getSelector() == null
          || proxies.containsKey(name)) {
        continue;
      }
      ServicePort port = s.getSpec().getPorts().get(0);
      try {
        proxies.put(name, new TcpProxy(Loopback.nextProxyIp(), 0, () -> endpoint(name, port)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Optional<InetSocketAddress> endpoint(String service, ServicePort port) {
    Service s = client.services().inNamespace(namespace).withName(service).get();
    if (s == null) {
      return Optional.empty();
    }
    Map<String, String> selector = s.getSpec().getSelector();
    List<Pod> ready =
        pods.stream()
            .filter(p -> p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
            .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
            .filter(PodConditions::isReady)
            .toList();
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    Pod pod = ready.get(Math.floorMod(roundRobin.getAndIncrement(), ready.size()));
    return Optional.of(new InetSocketAddress(pod.getStatus().getPodIP(), targetPort(pod, port)));
  }

  private static int targetPort(Pod pod, ServicePort port) {
    IntOrString target = port.getTargetPort();
    if (target == null) {
      return port.getPort();
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    return pod.getSpec().getContainers().stream()
        .flatMap(c -> c.getPorts().stream())
        .filter(p -> target.getStrVal().equals(p.getName()))
        .map(p -> p.getContainerPort())
        .findFirst()
        .orElse(port.getPort());
  }

  @Override
  public void close() {
    proxies.values().forEach(TcpProxy::close);
  }
}
