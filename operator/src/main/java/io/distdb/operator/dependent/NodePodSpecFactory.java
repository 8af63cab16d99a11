package io.distdb.operator.dependent;

import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.naming.Labels;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.naming.ShortHash;
import io.distdb.operator.spec.ResolvedSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod spec every db-node runs with, master or slave: one container configured only by {@code
 * DISTDB_*} variables (settings from the ConfigMap, secrets by reference), probes on the admin API,
 * a locked-down security context and soft anti-affinity between the nodes of one database.
 */
public final class NodePodSpecFactory {

  public static final String CONTAINER = "db-node";
  public static final String DATA_DIR = "/var/lib/distdb";
  public static final long RUN_AS_USER = 10001;

  /** A slave catching up by snapshot may take minutes before it is first ready. */
  private static final int STARTUP_FAILURES = 120;

  private NodePodSpecFactory() {}

  /**
   * The pod spec of a node in {@code set} ({@link Labels#MASTER} or {@link Labels#SLAVE}).
   *
   * @param image the image to run (the master keeps its old one while slaves roll)
   */
  public static PodSpec podSpec(ResolvedSpec spec, String set, String image) {
    ResourceNames names = spec.names();
    return new PodSpecBuilder()
        .withContainers(container(spec, set, image))
        .withVolumes()
        .addNewVolume()
        .withName(ResourceNames.TMP_VOLUME)
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(RUN_AS_USER)
        .withRunAsGroup(RUN_AS_USER)
        .withFsGroup(RUN_AS_USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withNewAffinity()
        .withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm()
        .withTopologyKey("kubernetes.io/hostname")
        .withNewLabelSelector()
        .withMatchLabels(Labels.nodeSelector(names.database()))
        .endLabelSelector()
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .endAffinity()
        .withTerminationGracePeriodSeconds(30L)
        .build();
  }

  /** A short, stable hash of what a pod was made from; a change means the pod must be replaced. */
  public static String hash(Object... parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(Serialization.asJson(part)).append('\n');
    }
    return ShortHash.of(text.toString());
  }

  private static Container container(ResolvedSpec spec, String set, String image) {
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(image)
        .addNewPort()
        .withName("postgres")
        .withContainerPort(NodeEnvironment.DEFAULT_PG_PORT)
        .endPort()
        .addNewPort()
        .withName("admin")
        .withContainerPort(NodeEnvironment.DEFAULT_ADMIN_PORT)
        .endPort()
        .addNewPort()
        .withName("replication")
        .withContainerPort(NodeEnvironment.DEFAULT_REPLICATION_PORT)
        .endPort()
        .withEnv(env(spec, set))
        .addNewEnvFrom()
        .withNewConfigMapRef()
        .withName(spec.names().configMap())
        .endConfigMapRef()
        .endEnvFrom()
        .withResources(spec.resources())
        .withStartupProbe(probe(NodeEnvironment.PATH_READYZ, 5, STARTUP_FAILURES))
        .withReadinessProbe(probe(NodeEnvironment.PATH_READYZ, 5, 3))
        .withLivenessProbe(probe(NodeEnvironment.PATH_HEALTHZ, 10, 3))
        .addNewVolumeMount()
        .withName(ResourceNames.DATA_VOLUME)
        .withMountPath(DATA_DIR)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName(ResourceNames.TMP_VOLUME)
        .withMountPath("/tmp")
        .endVolumeMount()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withRunAsUser(RUN_AS_USER)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .build();
  }

  private static List<EnvVar> env(ResolvedSpec spec, String set) {
    ResourceNames names = spec.names();
    List<EnvVar> env = new ArrayList<>();
    env.add(field(NodeEnvironment.NODE_ID, "metadata.name"));
    env.add(value(NodeEnvironment.ROLE, set));
    env.add(
        value(
            NodeEnvironment.ADVERTISE,
            "$("
                + NodeEnvironment.NODE_ID
                + ")."
                + names.headlessService()
                + "."
                + names.namespace()
                + ".svc:"
                + NodeEnvironment.DEFAULT_REPLICATION_PORT));
    if (set.equals(Labels.SLAVE)) {
      env.add(
          value(
              NodeEnvironment.MASTER,
              names.podHost(names.masterPod()) + ":" + NodeEnvironment.DEFAULT_REPLICATION_PORT));
    }
    env.add(field(NodeEnvironment.INCARNATION, "metadata.uid"));
    env.add(secret(NodeEnvironment.USER, spec.credentialsSecret(), SecretKeys.USERNAME));
    env.add(secret(NodeEnvironment.PASSWORD, spec.credentialsSecret(), SecretKeys.PASSWORD));
    env.add(
        secret(
            NodeEnvironment.REPLICATION_SECRET,
            names.replicationSecret(),
            SecretKeys.REPLICATION_SECRET));
    env.add(secret(NodeEnvironment.ADMIN_TOKEN, names.adminTokenSecret(), SecretKeys.ADMIN_TOKEN));
    return env;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar secret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString("admin"))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
