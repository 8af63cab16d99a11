package io.distdb.node.replication.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain encode/decode of message bodies, independent of any pipeline so it can be unit tested and
 * reused (e.g. to size a batch before sending it). Body layouts, all big-endian; {@code str} is
 * {@code int32 length | UTF-8 bytes}, {@code bytes} is {@code int32 length | bytes}:
 *
 * <pre>
 * CHALLENGE      int32 protocolVersion | bytes serverNonce
 * HELLO          int32 protocolVersion | str clusterId | str nodeId | int64 epoch
 *                | int64 lastDurableLsn | str advertisedAddress | bytes clientNonce | bytes proof
 *                | str incarnation
 * WELCOME        str masterNodeId | int64 epoch | int64 masterLastLsn | uint8 mode | bytes proof
 * REJECT         uint8 reason | str message
 * ENTRIES        int64 epoch | int64 masterDurableLsn | int32 count
 *                | count * (int64 lsn | bytes payload)
 * ACK            int64 epoch | int64 durableLsn | int64 appliedLsn
 * HEARTBEAT      int64 epoch | int64 masterLastLsn | int64 sentAtMillis
 * SNAPSHOT_BEGIN int64 epoch | int64 snapshotLsn | int64 totalBytes
 * SNAPSHOT_CHUNK str fileName | int64 offset | bytes data
 * SNAPSHOT_END   int64 snapshotLsn | int64 crc32c
 * </pre>
 */
public final class MessageCodec {

  /** Bytes of the length prefix, which is not counted in the length itself. */
  public static final int LENGTH_FIELD_BYTES = 4;

  private static final int MIN_ENTRY_BYTES = Long.BYTES + Integer.BYTES;

  private MessageCodec() {}

  /**
   * The value of the frame's length field for {@code msg}: type byte plus body. Lets the master cut
   * batches to fit the peer's maximum frame size before encoding anything.
   */
  public static int frameLength(ReplicationMessage msg) {
    long n = 1 + bodyLength(msg);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("message too large for one frame: " + n + " bytes");
    }
    return (int) n;
  }

  /** Writes the whole frame (length, type, body) to {@code out}. */
  public static void encode(ReplicationMessage msg, ByteBuf out) {
    out.writeInt(frameLength(msg));
    out.writeByte(msg.type().code());
    if (msg instanceof Challenge m) {
      out.writeInt(m.protocolVersion());
      writeBytes(out, m.serverNonce());
    } else if (msg instanceof Hello m) {
      out.writeInt(m.protocolVersion());
      writeString(out, m.clusterId());
      writeString(out, m.nodeId());
      out.writeLong(m.epoch());
      out.writeLong(m.lastDurableLsn());
      writeString(out, m.advertisedAddress());
      writeBytes(out, m.clientNonce());
      writeBytes(out, m.proof());
      writeString(out, m.incarnation());
    } else if (msg instanceof Welcome m) {
      writeString(out, m.masterNodeId());
      out.writeLong(m.epoch());
      out.writeLong(m.masterLastLsn());
      out.writeByte(m.mode().code());
      writeBytes(out, m.proof());
    } else if (msg instanceof Reject m) {
      out.writeByte(m.reason().code());
      writeString(out, m.message());
    } else if (msg instanceof Entries m) {
      out.writeLong(m.epoch());
      out.writeLong(m.masterDurableLsn());
      out.writeInt(m.entries().size());
      for (Entries.Entry e : m.entries()) {
        out.writeLong(e.lsn());
        writeBytes(out, e.payload());
      }
    } else if (msg instanceof Ack m) {
      out.writeLong(m.epoch()).writeLong(m.durableLsn()).writeLong(m.appliedLsn());
    } else if (msg instanceof Heartbeat m) {
      out.writeLong(m.epoch()).writeLong(m.masterLastLsn()).writeLong(m.sentAtMillis());
    } else if (msg instanceof SnapshotBegin m) {
      out.writeLong(m.epoch()).writeLong(m.snapshotLsn()).writeLong(m.totalBytes());
    } else if (msg instanceof SnapshotChunk m) {
      writeString(out, m.fileName());
      out.writeLong(m.offset());
      writeBytes(out, m.data());
    } else if (msg instanceof SnapshotEnd m) {
      out.writeLong(m.snapshotLsn()).writeLong(m.crc32c());
    } else {
      throw new IllegalStateException("unhandled message " + msg.type()); // sealed: unreachable
    }
  }

  /**
   * Decodes one frame's type byte and body (the length prefix already stripped).
   *
   * @throws CorruptFrameException for an unknown type, a truncated or over-long body, a bad length
   *     or enum code, or a body that violates a message invariant
   */
  public static ReplicationMessage decode(ByteBuf frame) {
    if (!frame.isReadable()) {
      throw new CorruptFrameException("empty frame: no type byte");
    }
    MessageType type = MessageType.fromCode(frame.readUnsignedByte());
    FrameReader r = new FrameReader(frame, type);
    ReplicationMessage msg;
    try {
      msg = decodeBody(type, r);
    } catch (IllegalArgumentException | NullPointerException e) {
      // A record constructor refused the values (e.g. non-contiguous LSNs).
      throw new CorruptFrameException(type + ": " + e.getMessage(), e);
    }
    r.expectEnd();
    return msg;
  }

  private static ReplicationMessage decodeBody(MessageType type, FrameReader r) {
    switch (type) {
      case CHALLENGE:
        return new Challenge(r.readInt(), r.readBytes("serverNonce"));
      case HELLO:
        return new Hello(
            r.readInt(),
            r.readString("clusterId"),
            r.readString("nodeId"),
            r.readLong(),
            r.readLong(),
            r.readString("advertisedAddress"),
            r.readBytes("clientNonce"),
            r.readBytes("proof"),
            r.readString("incarnation"));
      case WELCOME:
        return new Welcome(
            r.readString("masterNodeId"),
            r.readLong(),
            r.readLong(),
            StartMode.fromCode(r.readUnsignedByte()),
            r.readBytes("proof"));
      case REJECT:
        return new Reject(RejectReason.fromCode(r.readUnsignedByte()), r.readString("message"));
      case ENTRIES:
        return decodeEntries(r);
      case ACK:
        return new Ack(r.readLong(), r.readLong(), r.readLong());
      case HEARTBEAT:
        return new Heartbeat(r.readLong(), r.readLong(), r.readLong());
      case SNAPSHOT_BEGIN:
        return new SnapshotBegin(r.readLong(), r.readLong(), r.readLong());
      case SNAPSHOT_CHUNK:
        return new SnapshotChunk(r.readString("fileName"), r.readLong(), r.readBytes("data"));
      case SNAPSHOT_END:
        return new SnapshotEnd(r.readLong(), r.readLong());
      default:
        throw new CorruptFrameException("unhandled message type " + type);
    }
  }

  private static Entries decodeEntries(FrameReader r) {
    long epoch = r.readLong();
    long masterDurableLsn = r.readLong();
    // readCount bounds the count by the remaining bytes, so the list below is never oversized.
    int count = r.readCount("entries", MIN_ENTRY_BYTES);
    List<Entries.Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(new Entries.Entry(r.readLong(), r.readBytes("payload")));
    }
    return new Entries(epoch, masterDurableLsn, entries);
  }

  private static long bodyLength(ReplicationMessage msg) {
    if (msg instanceof Challenge m) {
      return 4 + bytes(m.serverNonce());
    } else if (msg instanceof Hello m) {
      return 4
          + str(m.clusterId())
          + str(m.nodeId())
          + 16
          + str(m.advertisedAddress())
          + bytes(m.clientNonce())
          + bytes(m.proof())
          + str(m.incarnation());
    } else if (msg instanceof Welcome m) {
      return str(m.masterNodeId()) + 16 + 1 + bytes(m.proof());
    } else if (msg instanceof Reject m) {
      return 1 + str(m.message());
    } else if (msg instanceof Entries m) {
      long n = 8 + 8 + 4;
      for (Entries.Entry e : m.entries()) {
        n += 8 + bytes(e.payload());
      }
      return n;
    } else if (msg instanceof Ack || msg instanceof Heartbeat || msg instanceof SnapshotBegin) {
      return 24;
    } else if (msg instanceof SnapshotChunk m) {
      return str(m.fileName()) + 8 + bytes(m.data());
    } else if (msg instanceof SnapshotEnd) {
      return 16;
    }
    throw new IllegalStateException("unhandled message " + msg.type()); // sealed: unreachable
  }

  private static long str(String s) {
    return 4L + ByteBufUtil.utf8Bytes(s);
  }

  private static long bytes(byte[] b) {
    return 4L + b.length;
  }

  private static void writeString(ByteBuf out, String s) {
    int len = ByteBufUtil.utf8Bytes(s);
    out.writeInt(len);
    // Reserve the exact length: plain writeUtf8 reserves the worst case (3 bytes per char) and
    // would overflow the exactly-sized buffer the encoder allocates.
    ByteBufUtil.reserveAndWriteUtf8(out, s, len);
  }

  private static void writeBytes(ByteBuf out, byte[] b) {
    out.writeInt(b.length);
    out.writeBytes(b);
  }
}
