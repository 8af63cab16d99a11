package io.distdb.node.command;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the big-endian fields {@link java.io.DataOutputStream} wrote, straight from a payload
 * array: a slave decodes every entry it applies, and a stream and its buffer per entry cost more
 * than the fields themselves. Reading past the end throws {@link EOFException}, like {@link
 * DataInputStream}.
 */
final class PayloadReader {

  private final byte[] bytes;
  private int position;

  PayloadReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int position() {
    return position;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Bytes left to read. */
  int available() {
    return bytes.length - position;
  }

  private int need(int n) throws EOFException {
    if (n > bytes.length - position) {
      throw new EOFException("entry ends " + (n - available()) + " bytes early");
    }
    int at = position;
    position += n;
    return at;
  }

  byte readByte() throws EOFException {
    return bytes[need(1)];
  }

  int readUnsignedByte() throws EOFException {
    return bytes[need(1)] & 0xff;
  }

  boolean readBoolean() throws EOFException {
    return readByte() != 0;
  }

  short readShort() throws EOFException {
    int at = need(2);
    return (short) (((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff));
  }

  int readUnsignedShort() throws EOFException {
    return readShort() & 0xffff;
  }

  int readInt() throws EOFException {
    int at = need(4);
    return ((bytes[at] & 0xff) << 24)
        | ((bytes[at + 1] & 0xff) << 16)
        | ((bytes[at + 2] & 0xff) << 8)
        | (bytes[at + 3] & 0xff);
  }

  long readLong() throws EOFException {
    return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
  }

  float readFloat() throws EOFException {
    return Float.intBitsToFloat(readInt());
  }

  double readDouble() throws EOFException {
    return Double.longBitsToDouble(readLong());
  }

  void readFully(byte[] into) throws EOFException {
    System.arraycopy(bytes, need(into.length), into, 0, into.length);
  }

  /** What {@link java.io.DataOutputStream#writeUTF} wrote (modified UTF-8, 16-bit length). */
  String readUTF() throws IOException {
    int length = readUnsignedShort();
    int at = need(length);
    for (int i = at; i < at + length; i++) {
      if (bytes[i] <= 0) {
        // Beyond ASCII (or an encoded NUL): the JDK's decoder of the modified form.
        try (DataInputStream in =
            new DataInputStream(new ByteArrayInputStream(bytes, at - 2, length + 2))) {
          return in.readUTF();
        }
      }
    }
    return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
  }

  void skip(int n) throws EOFException {
    need(n);
  }

  /** Skips what {@link #readUTF} would read. */
  void skipUTF() throws EOFException {
    need(readUnsignedShort());
  }
}
