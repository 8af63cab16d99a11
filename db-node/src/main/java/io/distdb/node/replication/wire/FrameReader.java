package io.distdb.node.replication.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads from one frame body. Every length read off the wire is checked against the
 * bytes actually left in the frame <em>before</em> anything is allocated, so a forged length can
 * never make us allocate more than the (already size-limited) frame holds.
 */
final class FrameReader {

  private final ByteBuf buf;
  private final MessageType type;

  FrameReader(ByteBuf buf, MessageType type) {
    this.buf = buf;
    this.type = type;
  }

  int readInt() {
    need(Integer.BYTES, "int32");
    return buf.readInt();
  }

  long readLong() {
    need(Long.BYTES, "int64");
    return buf.readLong();
  }

  int readUnsignedByte() {
    need(1, "uint8");
    return buf.readUnsignedByte();
  }

  byte[] readBytes(String field) {
    int len = readLength(field);
    byte[] b = new byte[len];
    buf.readBytes(b);
    return b;
  }

  String readString(String field) {
    int len = readLength(field);
    try {
      // Strict decoding: a malformed id must not silently turn into a different, valid-looking id.
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buf.nioBuffer(buf.readerIndex(), len))
              .toString();
      buf.skipBytes(len);
      return s;
    } catch (CharacterCodingException e) {
      throw new CorruptFrameException(type + ": field " + field + " is not valid UTF-8", e);
    }
  }

  /** A non-negative element count of items each at least {@code minItemSize} bytes long. */
  int readCount(String field, int minItemSize) {
    int count = readInt();
    if (count < 0 || (long) count * minItemSize > buf.readableBytes()) {
      throw new CorruptFrameException(
          type
              + ": field "
              + field
              + " declares "
              + count
              + " items but only "
              + buf.readableBytes()
              + " bytes remain");
    }
    return count;
  }

  /** The whole body must be consumed: trailing bytes mean the peer and we disagree on layout. */
  void expectEnd() {
    if (buf.isReadable()) {
      throw new CorruptFrameException(
          type + ": " + buf.readableBytes() + " unexpected trailing bytes");
    }
  }

  private int readLength(String field) {
    int len = readInt();
    if (len < 0 || len > buf.readableBytes()) {
      throw new CorruptFrameException(
          type
              + ": field "
              + field
              + " declares length "
              + len
              + " but only "
              + buf.readableBytes()
              + " bytes remain");
    }
    return len;
  }

  private void need(int n, String what) {
    if (buf.readableBytes() < n) {
      throw new CorruptFrameException(
          type
              + ": truncated body, expected "
              + what
              + " but only "
              + buf.readableBytes()
              + " bytes remain");
    }
  }
}
