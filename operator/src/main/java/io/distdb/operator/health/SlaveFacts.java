package io.distdb.operator.health;

/**
 * What the witnesses say about one slave. Kubernetes (kubelet, node controller, scheduler) is one
 * witness; the operator's own poll and the master's view of its slaves are the others.
 *
 * @param pod the slave pod's name
 * @param podExists whether the pod object exists
 * @param podReady whether the pod is Ready
 * @param recentRestarts container restarts within the crash-loop window
 * @param unschedulable the scheduler reports the pod unschedulable (e.g. its volume's node is gone)
 * @param nodeNotReadyMillis how long the pod's Kubernetes node has been NotReady, 0 if Ready
 * @param claimExists whether the slave's PVC exists
 * @param pollUnreachable the operator's polls failed failureThreshold times in a row
 * @param nodeReportsCorrupt the node itself reports failed with corrupt data
 * @param masterSeesStreaming the master lists the slave as streaming; null if the master is not
 *     reachable (then the master is no witness)
 * @param lagging reachable but catching up or behind
 */
public record SlaveFacts(
    String pod,
    boolean podExists,
    boolean podReady,
    int recentRestarts,
    boolean unschedulable,
    long nodeNotReadyMillis,
    boolean claimExists,
    boolean pollUnreachable,
    boolean nodeReportsCorrupt,
    Boolean masterSeesStreaming,
    boolean lagging) {}
