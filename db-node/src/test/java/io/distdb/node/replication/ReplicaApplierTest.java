package io.distdb.node.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.command.Command;
import io.distdb.node.command.CommandCodec;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaApplierTest {

  @TempDir Path dir;

  @Test
  void anEntryInANewerFormatStopsApplyLoudlyAndIsNeverSkipped() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir.resolve("log"), LogOptions.defaults());
        Storage storage = new Storage(dir.resolve("db"))) {
      log.append(CommandCodec.encode(new Command.CreateDatabase("a"), 1));
      byte[] future = CommandCodec.encode(new Command.CreateDatabase("b"), 1);
      future[0] = (byte) (CommandCodec.VERSION + 1);
      log.append(future);
      log.append(CommandCodec.encode(new Command.CreateDatabase("c"), 1));
      log.awaitDurable(3);
      try (ReplicaApplier applier = new ReplicaApplier(log, storage, 0, lsn -> {})) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> applier.failure() != null);
        assertThat(applier.failure()).contains("log entry 2").contains("newer than this node");
        assertThat(applier.appliedLsn()).isLessThan(2);
        assertThat(storage.names()).contains("a").doesNotContain("b", "c");
      }
    }
  }
}
