package io.distdb.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.health.RescheduleDecider.Hold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescheduleDeciderTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-12-02T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final RescheduleDecider decider =
      new RescheduleDecider(
          new RescheduleDecider.Limits(2, Duration.ofSeconds(30), Duration.ofMinutes(5), 2), clock);

  private static Map<String, HealthClass> classes(HealthClass s0, HealthClass s1) {
    Map<String, HealthClass> m = new LinkedHashMap<>();
    m.put("s-0", s0);
    m.put("s-1", s1);
    return m;
  }

  @Test
  void neverActsWhenNoNodeIsReachable() {
    var d = decider.decide(classes(HealthClass.NodeLost, HealthClass.NodeLost), false);
    assertThat(d.reschedule()).isEmpty();
    assertThat(d.hold()).isEqualTo(Hold.OPERATOR_ISOLATED);
  }

  @Test
  void nothingToDoForClassesNobodyActsOn() {
    var d = decider.decide(classes(HealthClass.Lagging, HealthClass.Suspect), true);
    assertThat(d.reschedule()).isEmpty();
    assertThat(d.hold()).isEqualTo(Hold.NONE);
  }

  @Test
  void oneInFlightAtATime() {
    var first = decider.decide(classes(HealthClass.NodeLost, HealthClass.VolumeLost), true);
    assertThat(first.reschedule())
        .hasValueSatisfying(
            r -> {
              assertThat(r.pod()).isEqualTo("s-0");
              assertThat(r.force()).isTrue();
              assertThat(r.deleteClaim()).isFalse();
            });
    var second = decider.decide(classes(HealthClass.Starting, HealthClass.VolumeLost), true);
    assertThat(second.hold()).isEqualTo(Hold.IN_FLIGHT);
    var third = decider.decide(classes(HealthClass.Healthy, HealthClass.VolumeLost), true);
    assertThat(third.reschedule())
        .hasValueSatisfying(r -> assertThat(r.deleteClaim()).as("volume lost").isTrue());
  }

  @Test
  void hourlyBudgetAndBackoff() {
    decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true);
    decider.decide(classes(HealthClass.Healthy, HealthClass.Healthy), true);
    decider.decide(classes(HealthClass.Healthy, HealthClass.NodeLost), true);
    decider.decide(classes(HealthClass.Healthy, HealthClass.Healthy), true);
    clock.advance(Duration.ofMinutes(10));
    var d = decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true);
    assertThat(d.hold()).isEqualTo(Hold.BUDGET_EXHAUSTED);
    clock.advance(Duration.ofMinutes(51));
    d = decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true);
    assertThat(d.reschedule()).isPresent();
    decider.decide(classes(HealthClass.Healthy, HealthClass.Healthy), true);
    d = decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true);
    assertThat(d.hold()).as("crash loop given up after 2 tries").isEqualTo(Hold.GAVE_UP);
  }

  @Test
  void perSlaveBackoffDoubles() {
    var limits =
        new RescheduleDecider.Limits(100, Duration.ofSeconds(30), Duration.ofMinutes(5), 9);
    var decider = new RescheduleDecider(limits, clock);
    assertThat(
            decider.decide(classes(HealthClass.NodeLost, HealthClass.Healthy), true).reschedule())
        .isPresent();
    decider.decide(classes(HealthClass.Healthy, HealthClass.Healthy), true);
    clock.advance(Duration.ofSeconds(10));
    assertThat(decider.decide(classes(HealthClass.NodeLost, HealthClass.Healthy), true).hold())
        .isEqualTo(Hold.BACKING_OFF);
    clock.advance(Duration.ofSeconds(25));
    assertThat(
            decider.decide(classes(HealthClass.NodeLost, HealthClass.Healthy), true).reschedule())
        .isPresent();
    decider.decide(classes(HealthClass.Healthy, HealthClass.Healthy), true);
    clock.advance(Duration.ofSeconds(35));
    assertThat(decider.decide(classes(HealthClass.NodeLost, HealthClass.Healthy), true).hold())
        .as("second backoff is 60 s")
        .isEqualTo(Hold.BACKING_OFF);
  }

  @Test
  void aRestoredRecentRescheduleIsInFlightAndBacksOff() {
    decider.restore("s-1", clock.now.minusSeconds(5));
    var d = decider.decide(classes(HealthClass.NodeLost, HealthClass.Starting), true);
    assertThat(d.hold()).as("operator restarted mid-reschedule").isEqualTo(Hold.IN_FLIGHT);
    decider.decide(classes(HealthClass.Healthy, HealthClass.Healthy), true);
    d = decider.decide(classes(HealthClass.Healthy, HealthClass.NodeLost), true);
    assertThat(d.hold()).isEqualTo(Hold.BACKING_OFF);
  }

  @Test
  void aCrashLoopingReplacementEndsTheReschedule_thenTheLoopIsGivenUp() {
    var limits = new RescheduleDecider.Limits(100, Duration.ofSeconds(2), Duration.ofSeconds(8), 2);
    var decider = new RescheduleDecider(limits, clock);
    assertThat(
            decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true).reschedule())
        .isPresent();
    assertThat(decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true).hold())
        .as("the old pod may still be seen")
        .isEqualTo(Hold.IN_FLIGHT);
    decider.replacementFailed("s-0");
    clock.advance(Duration.ofSeconds(3));
    assertThat(
            decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true).reschedule())
        .as("second try")
        .isPresent();
    decider.replacementFailed("s-0");
    clock.advance(Duration.ofSeconds(10));
    assertThat(decider.decide(classes(HealthClass.CrashLoop, HealthClass.Healthy), true).hold())
        .isEqualTo(Hold.GAVE_UP);
  }
}
