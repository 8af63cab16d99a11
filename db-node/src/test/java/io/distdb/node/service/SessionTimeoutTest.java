package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTimeoutTest {

  @Test
  void followsTheSettingAcrossChanges() throws Exception {
    SessionSettings settings = new SessionSettings("15.0");
    SessionTimeout lockTimeout = new SessionTimeout(settings, TimeoutSetting.LOCK_TIMEOUT);
    assertThat(lockTimeout.millis()).isZero();
    settings.set(TimeoutSetting.LOCK_TIMEOUT, "2s");
    assertThat(lockTimeout.millis()).isEqualTo(2_000);
    settings.set("application_name", "x");
    assertThat(lockTimeout.millis()).isEqualTo(2_000);
    settings.set(TimeoutSetting.LOCK_TIMEOUT, "150");
    assertThat(lockTimeout.millis()).isEqualTo(150);
    settings.reset(TimeoutSetting.LOCK_TIMEOUT);
    assertThat(lockTimeout.millis()).isZero();
  }
}
