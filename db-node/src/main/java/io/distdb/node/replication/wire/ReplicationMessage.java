package io.distdb.node.replication.wire;

/**
 * Every message of the replication protocol. The codec turns frames into these and back, so
 * business handlers only ever see typed messages, never raw buffers.
 *
 * <p>Byte arrays inside messages are not copied (payloads and snapshot chunks can be megabytes and
 * sit on the hot path): whoever builds or receives a message must treat its arrays as immutable.
 */
public sealed interface ReplicationMessage
    permits Challenge,
        Hello,
        Welcome,
        Reject,
        Entries,
        Ack,
        Heartbeat,
        SnapshotBegin,
        SnapshotChunk,
        SnapshotEnd {

  /** The wire type of this message. */
  MessageType type();
}
