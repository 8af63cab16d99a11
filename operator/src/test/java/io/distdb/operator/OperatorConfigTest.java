package io.distdb.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void defaults() {
    OperatorConfig c = OperatorConfig.from(Map.of());
    assertThat(c.watchNamespaces()).isEmpty();
    assertThat(c.leaderElection()).isFalse();
    assertThat(c.healthPort()).isEqualTo(8081);
    assertThat(c.serverSideApply()).isTrue();
    assertThat(c.dbNodeImage()).isEqualTo("distdb/db-node:0.2.0");
    assertThat(c.operatorNamespace()).isNotBlank();
  }

  @Test
  void fromEnvironment() {
    OperatorConfig c =
        OperatorConfig.from(
            Map.of(
                OperatorConfig.WATCH_NAMESPACES, " a, b ,,",
                OperatorConfig.NAMESPACE, "ops",
                OperatorConfig.LEADER_ELECTION, "true",
                OperatorConfig.DB_NODE_IMAGE, "reg/db:1",
                OperatorConfig.HEALTH_PORT, "9000",
                OperatorConfig.SSA, "false"));
    assertThat(c.watchNamespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(c.operatorNamespace()).isEqualTo("ops");
    assertThat(c.leaderElection()).isTrue();
    assertThat(c.dbNodeImage()).isEqualTo("reg/db:1");
    assertThat(c.healthPort()).isEqualTo(9000);
    assertThat(c.serverSideApply()).isFalse();
  }

  @Test
  void badPortIsNamed() {
    assertThatThrownBy(() -> OperatorConfig.from(Map.of(OperatorConfig.HEALTH_PORT, "x")))
        .hasMessageContaining(OperatorConfig.HEALTH_PORT);
  }
}
