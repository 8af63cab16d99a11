package io.distdb.operator.status;

import io.distdb.operator.health.NodeObservation;
import io.distdb.operator.health.RescheduleRecord;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;

/**
 * Everything the status is derived from, gathered by one reconcile.
 *
 * @param statefulSet the master's StatefulSet, null if not yet created
 * @param masterPod the master pod, null if absent
 * @param slavePods the slave pods, by ordinal
 * @param observations the latest health observations by pod name
 * @param progressing what the reconcile changed or is waiting for, null when stable
 * @param healthByPod health class of each slave, by pod name
 * @param reschedules last reschedule time and reason of each slave, by pod name
 * @param rescheduleGivenUp a slave still needs a reschedule but its crash loop was given up
 */
public record ClusterView(
    StatefulSet statefulSet,
    Pod masterPod,
    List<Pod> slavePods,
    Map<String, NodeObservation> observations,
    String progressing,
    Map<String, String> healthByPod,
    Map<String, RescheduleRecord> reschedules,
    boolean rescheduleGivenUp) {}
