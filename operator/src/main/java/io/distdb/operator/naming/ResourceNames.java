package io.distdb.operator.naming;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;

/**
 * Every name the operator gives a Kubernetes object of one database. Nothing else in the operator
 * concatenates a name: a new object kind gets its name here.
 */
public final class ResourceNames {

  /** The volume name in the pod spec and in the StatefulSet's claim template. */
  public static final String DATA_VOLUME = "data";

  /** The emptyDir every pod mounts at /tmp (the root file system is read-only). */
  public static final String TMP_VOLUME = "tmp";

  private final String name;
  private final String namespace;

  private ResourceNames(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
  }

  /** The names of the objects that belong to {@code ddb}. */
  public static ResourceNames of(DistributedDatabase ddb) {
    return new ResourceNames(ddb.getMetadata().getName(), ddb.getMetadata().getNamespace());
  }

  /** The names for a database called {@code name} in {@code namespace}. */
  public static ResourceNames of(String name, String namespace) {
    return new ResourceNames(name, namespace);
  }

  public String database() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  /** The master's StatefulSet. */
  public String masterStatefulSet() {
    return name + "-master";
  }

  /** The one pod of the master StatefulSet. */
  public String masterPod() {
    return masterStatefulSet() + "-0";
  }

  /** The master's PVC, as the StatefulSet controller names it from the claim template. */
  public String masterClaim() {
    return DATA_VOLUME + "-" + masterPod();
  }

  /** Slave pod number {@code ordinal}. */
  public String slavePod(int ordinal) {
    return name + "-slave-" + ordinal;
  }

  /** The PVC of slave pod number {@code ordinal}. */
  public String slaveClaim(int ordinal) {
    return slavePod(ordinal) + "-" + DATA_VOLUME;
  }

  /** The headless Service that gives every pod a DNS name. */
  public String headlessService() {
    return name + "-nodes";
  }

  /** The Service in front of the master (reads and writes). */
  public String readWriteService() {
    return name + "-rw";
  }

  /** The Service in front of the ready slaves (reads). */
  public String readOnlyService() {
    return name + "-ro";
  }

  /** The ConfigMap of non-secret node settings. */
  public String configMap() {
    return name + "-config";
  }

  /** The default SQL credentials Secret when the spec names none. */
  public String defaultCredentialsSecret() {
    return name + "-credentials";
  }

  /** The Secret with the replication handshake's shared secret. */
  public String replicationSecret() {
    return name + "-replication";
  }

  /** The Secret with the admin API's bearer token. */
  public String adminTokenSecret() {
    return name + "-admin-token";
  }

  /** The master's PodDisruptionBudget. */
  public String masterDisruptionBudget() {
    return name + "-master";
  }

  /** The slaves' PodDisruptionBudget. */
  public String slaveDisruptionBudget() {
    return name + "-slaves";
  }

  /** A pod's stable DNS name through the headless Service. */
  public String podHost(String pod) {
    return pod + "." + headlessService() + "." + namespace + ".svc";
  }

  /** The replication cluster id all nodes of this database share. */
  public String clusterId() {
    return namespace + "." + name;
  }
}
