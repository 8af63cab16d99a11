package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingDisplayTest {

  @Test
  void memoryAndTimeInTheLargestUnitThatDividesThemAsPostgresShowsThem() {
    assertThat(SettingDisplay.show("4096", "kB")).isEqualTo("4MB");
    assertThat(SettingDisplay.show("524288", "8kB")).isEqualTo("4GB");
    assertThat(SettingDisplay.show("1440", "min")).isEqualTo("1d");
    assertThat(SettingDisplay.show("300", "s")).isEqualTo("5min");
    assertThat(SettingDisplay.show("60000", "ms")).isEqualTo("1min");
  }

  @Test
  void zeroNegativeAndUnitlessValuesAsTheyAre() {
    assertThat(SettingDisplay.show("0", "ms")).isEqualTo("0");
    assertThat(SettingDisplay.show("-1", "kB")).isEqualTo("-1");
    assertThat(SettingDisplay.show("on", null)).isEqualTo("on");
    assertThat(SettingDisplay.show("0.9", null)).isEqualTo("0.9");
  }
}
