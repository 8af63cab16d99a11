package io.distdb.packaging.images;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;

/**
 * Fabric8's mock API server in CRUD mode, with the operator's generated CRD loaded, listening on
 * the host's address on a Docker network the test created (its gateway) so that containers on that
 * network reach it. Plain HTTP, port chosen by the system. The mock runs no controllers and
 * enforces no schema.
 */
final class ContainerReachableApiServer implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final String gateway;

  private ContainerReachableApiServer(KubernetesMockServer server, String gateway) {
    this.server = server;
    this.gateway = gateway;
    this.client = server.createClient();
  }

  /** Starts the server on {@code network}'s gateway and creates the generated CRD in it. */
  static ContainerReachableApiServer start(Network network, Path generatedCrd) throws IOException {
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(generatedCrd)) {
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    String gateway =
        DockerClientFactory.instance()
            .client()
            .inspectNetworkCmd()
            .withNetworkId(network.getId())
            .exec()
            .getIpam()
            .getConfig()
            .get(0)
            .getGateway();
    // The CRUD dispatcher and the server's own expectations (/, /version) share one response map.
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init(InetAddress.getByName(gateway), 0);
    ContainerReachableApiServer api = new ContainerReachableApiServer(server, gateway);
    try {
      api.client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
    return api;
  }

  /** The URL a container on the network uses ({@code KUBERNETES_MASTER}). */
  String urlFromContainers() {
    return "http://" + gateway + ":" + server.getPort();
  }

  /** A client for the test itself. */
  KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
