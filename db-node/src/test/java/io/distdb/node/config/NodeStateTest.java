package io.distdb.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStateTest {

  @TempDir Path dir;

  @Test
  void aNewDirectoryStartsAtTheCurrentFormat() throws Exception {
    NodeState state = NodeState.open(dir);
    assertThat(state.epoch()).isZero();
    assertThat(Files.readString(dir.resolve(NodeState.FILE))).contains("format=2");
  }

  @Test
  void aStageOneDirectoryIsMigratedInPlace() throws Exception {
    Files.createDirectories(dir.resolve("log"));
    Files.createDirectories(dir.resolve("databases/shop"));
    NodeState.open(dir);
    assertThat(Files.readString(dir.resolve(NodeState.FILE))).contains("format=2");
    assertThat(dir.resolve("databases/shop")).isDirectory();
  }

  @Test
  void theCheckpointSurvivesARestartAlongsideTheEpoch() throws Exception {
    NodeState state = NodeState.open(dir);
    assertThat(state.checkpointLsn()).isZero();
    state.advanceEpoch(4);
    state.recordCheckpoint(1_234);
    NodeState again = NodeState.open(dir);
    assertThat(again.checkpointLsn()).isEqualTo(1_234);
    assertThat(again.epoch()).isEqualTo(4);
    again.recordCheckpoint(0); // storage replaced: back to "replay all the log holds"
    assertThat(NodeState.open(dir).checkpointLsn()).isZero();
  }

  @Test
  void theEpochSurvivesARestartAndNeverGoesBack() throws Exception {
    NodeState.open(dir).advanceEpoch(7);
    NodeState again = NodeState.open(dir);
    assertThat(again.epoch()).isEqualTo(7);
    again.advanceEpoch(3);
    assertThat(NodeState.open(dir).epoch()).isEqualTo(7);
  }

  @Test
  void aDirectoryFromANewerFormatIsRefused() throws Exception {
    Files.writeString(dir.resolve(NodeState.FILE), "format=3\nepoch=1\n");
    assertThatThrownBy(() -> NodeState.open(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format 3, written by a newer distdb");
  }
}
