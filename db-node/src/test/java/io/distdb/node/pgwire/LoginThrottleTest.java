package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LoginThrottle throttle = new LoginThrottle(now::get);

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void delaysDoubleAfterFiveFailuresUpToTheCap() throws Exception {
    InetAddress a = ip("10.0.0.1");
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.failed(a)).isZero();
    }
    assertThat(throttle.failed(a)).isEqualTo(250);
    assertThat(throttle.failed(a)).isEqualTo(500);
    assertThat(throttle.failed(a)).isEqualTo(1000);
    for (int i = 0; i < 40; i++) {
      throttle.failed(a);
    }
    assertThat(throttle.failed(a)).isEqualTo(LoginThrottle.MAX_DELAY_MILLIS);
    assertThat(throttle.failed(ip("10.0.0.2"))).as("other addresses are unaffected").isZero();
  }

  @Test
  void aNewWindowOrASuccessStartsAgain() throws Exception {
    InetAddress a = ip("10.0.0.1");
    for (int i = 0; i < 6; i++) {
      throttle.failed(a);
    }
    now.addAndGet(LoginThrottle.WINDOW_MILLIS + 1);
    assertThat(throttle.failures(a)).isZero();
    assertThat(throttle.failed(a)).isZero();
    for (int i = 0; i < 6; i++) {
      throttle.failed(a);
    }
    throttle.succeeded(a);
    assertThat(throttle.failed(a)).isZero();
  }
}
