package io.distdb.operator.health;

import io.distdb.adminapi.NodeStatus;

/**
 * What the last polls of one node's {@code /status} showed.
 *
 * @param pod the pod's name
 * @param podUid the pod's UID when it was polled (a replacement pod starts afresh)
 * @param status the last document, null if the last poll failed
 * @param consecutiveFailures failed polls since the last success
 * @param error why the last poll failed, null if it succeeded
 */
public record NodeObservation(
    String pod, String podUid, NodeStatus status, int consecutiveFailures, String error) {

  /** True if the last poll succeeded. */
  public boolean reachable() {
    return status != null;
  }

  /** True once {@code threshold} polls in a row failed. */
  public boolean unreachable(int threshold) {
    return consecutiveFailures >= threshold;
  }
}
