package io.distdb.node.replication.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings shared by master and slave pipelines.
 *
 * @param maxFrameLength largest accepted (and sent) value of a frame's length field
 * @param readerIdle no inbound bytes for this long fires a READER_IDLE event: the slave treats the
 *     master as gone, the master treats the slave as gone (slaves ack every heartbeat)
 * @param writerIdle no outbound bytes for this long fires a WRITER_IDLE event: the master sends a
 *     {@link Heartbeat}. Must be well below {@code readerIdle} so one lost heartbeat is tolerated.
 */
public record ReplicationWireConfig(int maxFrameLength, Duration readerIdle, Duration writerIdle) {

  public ReplicationWireConfig {
    if (maxFrameLength < 1) {
      throw new IllegalArgumentException("maxFrameLength must be >= 1: " + maxFrameLength);
    }
    Objects.requireNonNull(readerIdle, "readerIdle");
    Objects.requireNonNull(writerIdle, "writerIdle");
    if (readerIdle.isNegative() || writerIdle.isNegative()) {
      throw new IllegalArgumentException("idle timeouts must not be negative");
    }
  }

  /** 16 MiB frames, 1 s heartbeat interval, 5 s until the peer is considered dead. */
  public static ReplicationWireConfig defaults() {
    return new ReplicationWireConfig(
        ReplicationFrameDecoder.DEFAULT_MAX_FRAME_LENGTH,
        Duration.ofSeconds(5),
        Duration.ofSeconds(1));
  }
}
