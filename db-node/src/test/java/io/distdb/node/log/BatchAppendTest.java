package io.distdb.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchAppendTest {

  @TempDir Path dir;

  @Test
  void masterBatchGetsConsecutiveLsnsAndOneFsyncCoversIt() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      log.append(new byte[] {0});
      long fsyncs = log.fsyncCount();
      long first = log.appendAll(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}));
      assertThat(first).isEqualTo(2);
      assertThat(log.lastLsn()).isEqualTo(4);
      log.awaitDurable(4);
      assertThat(log.fsyncCount() - fsyncs).isLessThanOrEqualTo(2);
      try (LogCursor c = log.read(2)) {
        assertThat(c.next().payload()).containsExactly(1);
        assertThat(c.next().payload()).containsExactly(2);
        assertThat(c.next().payload()).containsExactly(3);
      }
    }
  }

  @Test
  void followerBatchMustContinueTheLog() throws Exception {
    try (ReplicationLog log = ReplicationLog.open(dir, LogOptions.defaults())) {
      log.appendAll(1, List.of(new byte[] {1}, new byte[] {2}));
      assertThat(log.lastLsn()).isEqualTo(2);
      assertThatThrownBy(() -> log.appendAll(5, List.of(new byte[] {5})))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected LSN 3 but got LSN 5");
      assertThatThrownBy(() -> log.appendAll(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
