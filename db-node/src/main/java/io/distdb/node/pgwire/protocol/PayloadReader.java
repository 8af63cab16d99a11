package io.distdb.node.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Bounds-checked reads from a message body. Every read that would run past the end throws a {@link
 * ProtocolException} instead of an IndexOutOfBoundsException, and counts are checked against the
 * remaining bytes before anything is allocated for them.
 */
public final class PayloadReader {

  private final ByteBuf buf;

  public PayloadReader(ByteBuf buf) {
    this.buf = buf;
  }

  public int remaining() {
    return buf.readableBytes();
  }

  public byte readByte() {
    need(1);
    return buf.readByte();
  }

  public short readShort() {
    need(2);
    return buf.readShort();
  }

  public int readInt() {
    need(4);
    return buf.readInt();
  }

  /**
   * A NUL-terminated UTF-8 string.
   *
   * @throws InvalidTextException if it is not valid UTF-8 (the reader has moved past it)
   */
  public String readCString() {
    int end = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) 0);
    if (end < 0) {
      throw new ProtocolException("invalid string in message");
    }
    int length = end - buf.readerIndex();
    byte[] bytes = ByteBufUtil.getBytes(buf, buf.readerIndex(), length);
    buf.readerIndex(end + 1);
    return Utf8.decode(bytes, 0, length);
  }

  public byte[] readBytes(int length) {
    if (length < 0) {
      throw new ProtocolException("invalid length " + length + " in message");
    }
    need(length);
    byte[] out = ByteBufUtil.getBytes(buf, buf.readerIndex(), length);
    buf.skipBytes(length);
    return out;
  }

  /**
   * A count of items that take at least {@code minItemSize} bytes each; rejected up front when the
   * remaining body cannot possibly hold them.
   */
  public int readCount(int minItemSize) {
    int count = readShort() & 0xFFFF;
    need((long) count * minItemSize);
    return count;
  }

  public void expectEnd() {
    if (buf.isReadable()) {
      throw new ProtocolException("invalid message format");
    }
  }

  private void need(long bytes) {
    if (buf.readableBytes() < bytes) {
      throw new ProtocolException("insufficient data left in message");
    }
  }
}
