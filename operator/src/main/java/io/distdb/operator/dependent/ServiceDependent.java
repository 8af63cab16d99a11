package io.distdb.operator.dependent;

import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import java.util.Map;

/**
 * The three Services: headless {@code NAME-nodes} (a DNS name per pod, also for pods that are not
 * ready, since a slave must reach its master while it catches up), {@code NAME-rw} selecting the
 * pod observed as master and {@code NAME-ro} selecting the ready slaves.
 */
public final class ServiceDependent {

  private ServiceDependent() {}

  public static List<Service> desired(ResolvedSpec spec) {
    ResourceNames names = spec.names();
    String db = names.database();
    Service headless =
        service(
            spec,
            names.headlessService(),
            Labels.nodeSelector(db),
            List.of(
                port("postgres", NodeEnvironment.DEFAULT_PG_PORT),
                port("admin", NodeEnvironment.DEFAULT_ADMIN_PORT),
                port("replication", NodeEnvironment.DEFAULT_REPLICATION_PORT)));
    headless.getSpec().setClusterIP("None");
    headless.getSpec().setPublishNotReadyAddresses(true);
    Service rw =
        service(
            spec,
            names.readWriteService(),
            Labels.roleSelector(db, Labels.MASTER),
            List.of(port("postgres", NodeEnvironment.DEFAULT_PG_PORT)));
    Service ro =
        service(
            spec,
            names.readOnlyService(),
            Labels.roleSelector(db, Labels.SLAVE),
            List.of(port("postgres", NodeEnvironment.DEFAULT_PG_PORT)));
    return List.of(headless, rw, ro);
  }

  private static Service service(
      ResolvedSpec spec, String name, Map<String, String> selector, List<ServicePort> ports) {
    return new ServiceBuilder()
        .withMetadata(Owners.metadata(spec, name))
        .withNewSpec()
        .withSelector(selector)
        .withPorts(ports)
        .endSpec()
        .build();
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(port)
        .withTargetPort(new IntOrString(name))
        .withProtocol("TCP")
        .build();
  }
}
