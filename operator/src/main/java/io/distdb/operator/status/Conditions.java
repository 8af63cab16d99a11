package io.distdb.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The condition types, and the one rule for merging a new condition into the old ones: {@code
 * lastTransitionTime} moves only when the condition's status does. Pure functions, no I/O.
 */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String REPLICATING = "Replicating";
  public static final String DEGRADED = "Degraded";
  public static final String PROGRESSING = "Progressing";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private Conditions() {}

  /** A condition without a transition time (set by {@link #merge}). */
  public static Condition of(
      String type, boolean status, String reason, String message, Long generation) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? TRUE : FALSE)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .build();
  }

  /**
   * The conditions {@code desired} (types in their order), each keeping the old {@code
   * lastTransitionTime} when its status is unchanged and taking {@code now} when it changed.
   */
  public static List<Condition> merge(List<Condition> old, List<Condition> desired, Instant now) {
    List<Condition> merged = new ArrayList<>();
    for (Condition d : desired) {
      Condition previous = find(old, d.getType());
      String time =
          previous != null && Objects.equals(previous.getStatus(), d.getStatus())
              ? previous.getLastTransitionTime()
              : now.toString();
      merged.add(new ConditionBuilder(d).withLastTransitionTime(time).build());
    }
    return merged;
  }

  /** The condition of {@code type}, null if absent. */
  public static Condition find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
