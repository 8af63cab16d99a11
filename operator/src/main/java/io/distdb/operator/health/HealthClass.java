package io.distdb.operator.health;

/** What is wrong with a slave, each class with one owner (see the operator issue's table). */
public enum HealthClass {
  /** Ready and replicating. */
  Healthy(false),
  /** Not ready yet after creation or a restart, no sign of trouble. */
  Starting(false),
  /** The container restarted; the kubelet handles it, the operator only reports it. */
  Restarted(false),
  /** Reachable but behind its master or catching up: a condition only. */
  Lagging(false),
  /** One witness says it is unreachable, no second one agrees yet: nobody acts. */
  Suspect(false),
  /** Restarts keep coming and the node does not serve: delete the pod, recreate it. */
  CrashLoop(true),
  /** Its Kubernetes node is NotReady past the grace period and it does not answer: move it. */
  NodeLost(true),
  /** Its volume is gone, bound to a dead node or corrupt: recreate pod and claim, re-seed. */
  VolumeLost(true);

  private final boolean operatorActs;

  HealthClass(boolean operatorActs) {
    this.operatorActs = operatorActs;
  }

  /** True for the classes the operator repairs by rescheduling. */
  public boolean operatorActs() {
    return operatorActs;
  }
}
