package io.distdb.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartWindowTest {

  private final RestartWindow window = new RestartWindow(Duration.ofMinutes(10));
  private final Instant t0 = Instant.parse("2026-12-02T00:00:00Z");

  @Test
  void restartsBeforeFirstSightAreABaseline() {
    assertThat(window.recent("u", 50, t0)).isZero();
    assertThat(window.recent("u", 53, t0.plusSeconds(60))).isEqualTo(3);
  }

  @Test
  void oldRestartsLeaveTheWindow() {
    window.recent("u", 0, t0);
    window.recent("u", 4, t0.plusSeconds(60));
    assertThat(window.recent("u", 6, t0.plusSeconds(120))).isEqualTo(6);
    assertThat(window.recent("u", 6, t0.plusSeconds(60 + 601))).as("only the last 2").isEqualTo(2);
    assertThat(window.recent("u", 6, t0.plusSeconds(120 + 601))).isZero();
  }

  @Test
  void aReplacementPodStartsAfresh() {
    window.recent("old", 9, t0);
    assertThat(window.recent("new", 0, t0.plusSeconds(1))).isZero();
  }
}
