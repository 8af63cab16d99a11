package io.distdb.node.replication.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Master → slave: a batch of log entries with contiguous, increasing LSNs. Contiguity is checked
 * here (and so on decode): a gap would silently lose writes on the slave.
 *
 * @param masterDurableLsn how far the master's own log is durable, so the slave can tell how far
 *     behind it is without a separate heartbeat
 */
public record Entries(long epoch, long masterDurableLsn, List<Entry> entries)
    implements ReplicationMessage {

  public Entries {
    entries = List.copyOf(entries); // also rejects null elements
    for (int i = 1; i < entries.size(); i++) {
      long prev = entries.get(i - 1).lsn();
      long lsn = entries.get(i).lsn();
      if (lsn != prev + 1) {
        throw new IllegalArgumentException(
            "non-contiguous LSNs at index " + i + ": " + prev + " then " + lsn);
      }
    }
  }

  @Override
  public MessageType type() {
    return MessageType.ENTRIES;
  }

  @Override
  public String toString() {
    // Batches can hold thousands of entries: summarise instead of listing them.
    return "Entries[epoch="
        + epoch
        + ", masterDurableLsn="
        + masterDurableLsn
        + ", count="
        + entries.size()
        + ", lsns="
        + firstLsn()
        + ".."
        + lastLsn()
        + "]";
  }

  /** LSN of the first entry, or -1 for an empty batch. */
  public long firstLsn() {
    return entries.isEmpty() ? -1 : entries.get(0).lsn();
  }

  /** LSN of the last entry, or -1 for an empty batch. */
  public long lastLsn() {
    return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).lsn();
  }

  /** One log entry: its LSN and the opaque bytes the log stores for it. */
  public record Entry(long lsn, byte[] payload) {

    public Entry {
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && lsn == e.lsn && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(lsn) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Entry[lsn=" + lsn + ", payload=" + Bytes.describe(payload) + "]";
    }
  }
}
