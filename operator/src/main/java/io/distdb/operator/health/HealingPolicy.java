package io.distdb.operator.health;

import java.time.Duration;

/**
 * The numbers behind healing: when a slave counts as crash-looping or lost ({@link
 * SlaveClassifier.Thresholds}), how often the operator may reschedule ({@link
 * RescheduleDecider.Limits}) and over which window restarts count. The operator runs with {@link
 * #DEFAULT}; end-to-end tests shorten the waits so a failure class runs in seconds.
 *
 * @param thresholds when a slave's class calls for action
 * @param limits how often the operator may act
 * @param crashLoopWindow restarts within this window count towards a crash loop
 */
public record HealingPolicy(
    SlaveClassifier.Thresholds thresholds,
    RescheduleDecider.Limits limits,
    Duration crashLoopWindow) {

  public static final HealingPolicy DEFAULT =
      new HealingPolicy(
          SlaveClassifier.Thresholds.DEFAULT,
          RescheduleDecider.Limits.DEFAULT,
          Duration.ofMinutes(10));
}
