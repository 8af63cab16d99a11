package io.distdb.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeEnumsTest {

  @Test
  void parseTheDocumentsSpellings() {
    assertThat(NodeRole.of("master")).isEqualTo(NodeRole.MASTER);
    assertThat(NodeRole.of("primary")).isNull();
    assertThat(NodeState.of("catching-up")).isEqualTo(NodeState.CATCHING_UP);
    assertThat(NodeState.of("ready").value()).isEqualTo("ready");
    assertThat(NodeState.of(null)).isNull();
  }
}
