package io.distdb.node.log;

/**
 * Tuning of a {@link ReplicationLog}.
 *
 * @param segmentBytes size at which the active segment is rolled over (a single larger record still
 *     gets a segment of its own)
 * @param fsync whether durability requires {@code fsync}; {@code false} is only for tests and
 *     benchmarks, since an OS crash can then lose acknowledged writes
 */
public record LogOptions(long segmentBytes, boolean fsync) {

  /** Small enough to let tests exercise roll-over, large enough to hold a header and a record. */
  static final long MIN_SEGMENT_BYTES = 64;

  public LogOptions {
    if (segmentBytes < MIN_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be >= " + MIN_SEGMENT_BYTES + " but was " + segmentBytes);
    }
  }

  /** 64 MiB segments, fsync on. */
  public static LogOptions defaults() {
    return new LogOptions(64L << 20, true);
  }
}
