package io.distdb.node.service;

import static io.distdb.node.log.LogOptions.defaults;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.log.ReplicationLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageHorizonTest {

  @TempDir Path dir;

  @Test
  void standsBeforeTheOldestEntryNotYetCommittedInStorage() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, defaults())) {
      StorageHorizon horizon = new StorageHorizon(log);
      assertThat(horizon.committedThrough()).isZero();
      long a = horizon.append(() -> log.append(new byte[] {1}));
      long b =
          horizon.append(() -> log.appendAll(java.util.List.of(new byte[] {2}, new byte[] {3})));
      assertThat(horizon.committedThrough()).isEqualTo(a - 1);
      horizon.committed(b); // commits may finish out of LSN order across databases
      assertThat(horizon.committedThrough()).isEqualTo(a - 1);
      horizon.committed(a);
      assertThat(horizon.committedThrough()).isEqualTo(3);
    }
  }

  @Test
  void anEntryThatNeverCommittedHoldsTheHorizonForGood() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, defaults())) {
      StorageHorizon horizon = new StorageHorizon(log);
      horizon.committed(horizon.append(() -> log.append(new byte[] {1})));
      horizon.append(() -> log.append(new byte[] {2})); // its storage commit failed
      for (int i = 0; i < 5; i++) {
        horizon.committed(horizon.append(() -> log.append(new byte[] {3})));
      }
      assertThat(log.lastLsn()).isEqualTo(7);
      assertThat(horizon.committedThrough()).isEqualTo(1);
    }
  }
}
