package io.distdb.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaveClassifierTest {

  private final SlaveClassifier classifier =
      new SlaveClassifier(SlaveClassifier.Thresholds.DEFAULT);

  private static SlaveFacts healthy() {
    return new SlaveFacts("s-0", true, true, 0, false, 0, true, false, false, true, false);
  }

  private static SlaveFacts with(
      int restarts, long nodeNotReadyMs, boolean claim, boolean unreachable, Boolean master) {
    return new SlaveFacts(
        "s-0",
        true,
        false,
        restarts,
        false,
        nodeNotReadyMs,
        claim,
        unreachable,
        false,
        master,
        false);
  }

  @Test
  void healthyAndLagging() {
    assertThat(classifier.classify(healthy())).isEqualTo(HealthClass.Healthy);
    var lagging = new SlaveFacts("s-0", true, true, 0, false, 0, true, false, false, true, true);
    assertThat(classifier.classify(lagging)).isEqualTo(HealthClass.Lagging);
  }

  @Test
  void nodeLostNeedsTheNodeControllerAndTheOperatorsPoll() {
    assertThat(classifier.classify(with(0, 60_000, true, true, null)))
        .isEqualTo(HealthClass.NodeLost);
    assertThat(classifier.classify(with(0, 60_000, true, false, null)))
        .as("the node answers the operator: one witness only")
        .isEqualTo(HealthClass.Suspect);
    assertThat(classifier.classify(with(0, 60_000, true, true, true)))
        .as("the master still sees it streaming")
        .isEqualTo(HealthClass.Suspect);
    assertThat(classifier.classify(with(0, 5_000, true, true, null)))
        .as("within the grace period")
        .isNotEqualTo(HealthClass.NodeLost);
  }

  @Test
  void crashLoopVersusAPlainRestart() {
    assertThat(classifier.classify(with(6, 0, true, true, false))).isEqualTo(HealthClass.CrashLoop);
    assertThat(classifier.classify(with(6, 0, true, false, true)))
        .as("restarting a lot but serving")
        .isEqualTo(HealthClass.Restarted);
    assertThat(classifier.classify(with(1, 0, true, false, null))).isEqualTo(HealthClass.Restarted);
  }

  @Test
  void volumeLost() {
    assertThat(classifier.classify(with(0, 0, false, true, false)))
        .isEqualTo(HealthClass.VolumeLost);
    var corruptButServing =
        new SlaveFacts("s-0", true, true, 0, false, 0, true, false, true, true, false);
    assertThat(classifier.classify(corruptButServing)).isEqualTo(HealthClass.Suspect);
    var corrupt = new SlaveFacts("s-0", true, false, 0, false, 0, true, true, true, false, false);
    assertThat(classifier.classify(corrupt)).isEqualTo(HealthClass.VolumeLost);
    var reportsItsDamage =
        new SlaveFacts("s-0", true, false, 0, false, 0, true, false, true, false, false);
    assertThat(classifier.classify(reportsItsDamage))
        .as("answers polls, to say its data is damaged; not ready, not streaming")
        .isEqualTo(HealthClass.VolumeLost);
    var damagedButStreaming =
        new SlaveFacts("s-0", true, false, 0, false, 0, true, false, true, true, false);
    assertThat(classifier.classify(damagedButStreaming)).isEqualTo(HealthClass.Suspect);
  }

  @Test
  void unreachableButReadyIsOnlySuspect() {
    var f = new SlaveFacts("s-0", true, true, 0, false, 0, true, true, false, null, false);
    assertThat(classifier.classify(f)).isEqualTo(HealthClass.Suspect);
    assertThat(HealthClass.Suspect.operatorActs()).isFalse();
  }
}
