package io.distdb.node.replication.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  @Test
  void ceilingDoublesFromBaseUpToCap() {
    ReconnectBackoff b = new ReconnectBackoff();
    long[] expected = {100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000};
    for (long ceiling : expected) {
      assertThat(b.currentCeiling()).isEqualTo(Duration.ofMillis(ceiling));
      b.nextDelay();
    }
    for (int i = 0; i < 1000; i++) {
      b.nextDelay(); // many attempts: no overflow, still capped
    }
    assertThat(b.currentCeiling()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void delaysStayWithinZeroAndTheCeiling() {
    ReconnectBackoff b =
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));
    for (int i = 0; i < 200; i++) {
      Duration ceiling = b.currentCeiling();
      Duration d = b.nextDelay();
      assertThat(d).isBetween(Duration.ZERO, ceiling);
    }
  }

  @Test
  void delaysGrowOnAverage() {
    ReconnectBackoff b =
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));
    long early = 0;
    long late = 0;
    for (int run = 0; run < 200; run++) {
      b.reset();
      early += b.nextDelay().toMillis(); // drawn from [0, 100]
      for (int i = 0; i < 8; i++) {
        b.nextDelay();
      }
      late += b.nextDelay().toMillis(); // drawn from [0, 5000]
    }
    assertThat(early / 200).isBetween(20L, 80L);
    assertThat(late / 200).isBetween(1500L, 3500L);
  }

  @Test
  void sameSeedSameDelays() {
    ReconnectBackoff a =
        new ReconnectBackoff(Duration.ofMillis(10), Duration.ofSeconds(1), new Random(3));
    ReconnectBackoff b =
        new ReconnectBackoff(Duration.ofMillis(10), Duration.ofSeconds(1), new Random(3));
    for (int i = 0; i < 20; i++) {
      assertThat(a.nextDelay()).isEqualTo(b.nextDelay());
    }
  }

  @Test
  void resetStartsOverAtBase() {
    ReconnectBackoff b =
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(1));
    for (int i = 0; i < 10; i++) {
      b.nextDelay();
    }
    assertThat(b.attempts()).isEqualTo(10);
    b.reset();
    assertThat(b.attempts()).isZero();
    assertThat(b.currentCeiling()).isEqualTo(Duration.ofMillis(100));
    assertThat(b.nextDelay()).isLessThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void rejectsNonsenseBounds() {
    assertThatThrownBy(
            () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
