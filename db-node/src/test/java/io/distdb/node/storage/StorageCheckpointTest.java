package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageCheckpointTest {

  @TempDir Path dir;

  /**
   * The maintenance thread checkpoints while a client drops and re-creates a database: a checkpoint
   * must never reopen (or make anew) a database the drop just removed.
   */
  @Test
  void checkpointsRacingDropsNeverBringADroppedDatabaseBack() throws Exception {
    try (Storage storage = new Storage(dir)) {
      DatabaseName name = new DatabaseName("churn");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger checkpoints = new AtomicInteger();
      Thread checkpointer =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    storage.checkpoint();
                    checkpoints.incrementAndGet();
                  } catch (StorageException e) {
                    // a database closed under the checkpoint: the next pass retries
                  }
                }
              });
      checkpointer.start();
      try {
        for (int i = 0; i < 8; i++) {
          storage.create(name, i + 1);
          assertThat(storage.appliedLsn(name)).isEqualTo(i + 1);
          storage.drop(name);
          assertThat(storage.exists(name)).isFalse();
        }
      } finally {
        stop.set(true);
        checkpointer.join(30_000);
      }
      assertThat(checkpoints.get()).isPositive();
      assertThat(storage.names()).doesNotContain("churn");
    }
  }
}
