package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot keep what it acknowledges must refuse to start and say why. */
class StartupRefusalIT {

  @TempDir Path dir;

  @Test
  void refusesADataDirectoryItCannotCreate() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    NodeProcess.Result r = NodeProcess.runToExit(new NodeProcess(file.resolve("data")).command());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("cannot create data directory");
  }

  @Test
  void refusesADiskWithoutEnoughFreeSpace() throws Exception {
    NodeProcess.Result r =
        NodeProcess.runToExit(
            new NodeProcess(
                    dir.resolve("data"), "--min-free-bytes", String.valueOf(Long.MAX_VALUE / 2))
                .command());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("bytes free").contains("--min-free-bytes");
  }

  @Test
  void rejectsBadOptionsWithUsageHint() throws Exception {
    List<String> cmd = new ArrayList<>(new NodeProcess(dir.resolve("data")).command());
    cmd.addAll(List.of("--role", "leader"));
    NodeProcess.Result r = NodeProcess.runToExit(cmd);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.output()).contains("--role must be one of");
  }

  @Test
  void helpDocumentsEveryOption() throws Exception {
    List<String> cmd =
        new ArrayList<>(new NodeProcess(dir.resolve("data")).command().subList(0, 4));
    cmd.add("--help");
    NodeProcess.Result r = NodeProcess.runToExit(cmd);
    assertThat(r.exitCode()).isZero();
    assertThat(r.output())
        .contains("--data-dir", "--pg-port", "--admin-port", "--role", "--config", "DISTDB_");
  }
}
