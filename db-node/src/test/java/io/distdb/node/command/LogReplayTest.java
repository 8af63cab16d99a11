package io.distdb.node.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Command.Transaction;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReplayTest {

  private static final long EPOCH = 3;

  @TempDir Path dir;

  private static Transaction insert(int id) {
    return new Transaction(
        "db",
        List.of(
            new RowChanges(
                "public",
                "t",
                List.of("id", "v"),
                List.of("id"),
                List.of(RowChange.insert(new Object[] {id, "v" + id})))));
  }

  private static final List<Command> ENTRIES =
      List.of(
          new Command.CreateDatabase("db"),
          new Transaction(
              "db",
              List.of(new SchemaChange("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)", List.of()))),
          insert(1),
          insert(2));

  /**
   * Storage holds entries 1-3 (applied directly); the log holds 1, 2, an entry 3 nobody can decode,
   * and 4. Replay must start after the checkpoint to get past it.
   */
  private ReplicationLog logWithUnreadableThird(Storage storage) throws Exception {
    try (CommandApplier applier = new CommandApplier(storage)) {
      for (int i = 0; i < 3; i++) {
        applier.apply(i + 1, ENTRIES.get(i));
      }
      applier.commitPending();
    }
    ReplicationLog log = ReplicationLog.open(dir.resolve("log"), LogOptions.defaults());
    log.append(CommandCodec.encode(ENTRIES.get(0), EPOCH));
    log.append(CommandCodec.encode(ENTRIES.get(1), EPOCH));
    log.append(new byte[] {(byte) 0xEE, 1, 2, 3});
    log.append(CommandCodec.encode(ENTRIES.get(3), EPOCH));
    log.awaitDurable(4);
    return log;
  }

  @Test
  void replaysOnlyTheEntriesAfterTheCheckpoint() throws Exception {
    try (Storage storage = new Storage(dir.resolve("databases"));
        ReplicationLog log = logWithUnreadableThird(storage);
        CommandApplier applier = new CommandApplier(storage)) {
      LogReplay.Replayed replayed = LogReplay.replay(log, storage, applier, 3);
      assertThat(replayed.entries()).isEqualTo(1);
      assertThat(replayed.lastEpoch()).isEqualTo(EPOCH);
      assertThat(CommandApplierTest.query(storage, "db", "SELECT count(*) FROM t")).isEqualTo("2");
    }
  }

  @Test
  void withoutACheckpointEveryRetainedEntryIsReadAndNoneIsSkippedUnread() throws Exception {
    try (Storage storage = new Storage(dir.resolve("databases"));
        ReplicationLog log = logWithUnreadableThird(storage);
        CommandApplier applier = new CommandApplier(storage)) {
      assertThatThrownBy(() -> LogReplay.replay(log, storage, applier, 0))
          .isInstanceOf(ApplyException.class);
    }
  }

  @Test
  void aCheckpointBeyondTheLogStillLearnsTheLastEntrysEpoch() throws Exception {
    try (Storage storage = new Storage(dir.resolve("databases"));
        ReplicationLog log = logWithUnreadableThird(storage);
        CommandApplier applier = new CommandApplier(storage)) {
      applier.apply(4, ENTRIES.get(3));
      applier.commitPending();
      // A checkpoint recorded before the log was reset to an earlier LSN (a snapshot install).
      LogReplay.Replayed replayed = LogReplay.replay(log, storage, applier, 90);
      assertThat(replayed.entries()).isZero();
      assertThat(replayed.lastEpoch()).isEqualTo(EPOCH);
    }
  }
}
