package io.distdb.node.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The on-disk format of the log: segment headers and record framing. All integers are big-endian.
 *
 * <pre>
 * Segment file  "{firstLsn, 20 digits zero-padded}.log"
 * +--------------+--------------+------------------+
 * | magic  int32 | version int32| first LSN  int64 |   segment header, 16 bytes
 * +--------------+--------------+------------------+
 * | record | record | record | ...                 |   records, back to back
 *
 * Record
 * +--------------+--------------+------------------+------------------------+
 * | length int32 | crc    int32 | lsn        int64 | payload (length bytes) |
 * +--------------+--------------+------------------+------------------------+
 *   length = payload bytes only (0 .. 64 MiB)
 *   crc    = CRC32C over the 8 lsn bytes followed by the payload
 * </pre>
 *
 * <p>The CRC covers the LSN so that a record copied to the wrong place (or a stale block from an
 * earlier file) cannot pass as valid. The length is not covered, but an implausible length is
 * rejected outright and a wrong-but-plausible one makes the CRC fail.
 */
final class RecordCodec {

  static final int MAGIC = 0x4444424C; // "DDBL"
  static final int VERSION = 1;
  static final int SEGMENT_HEADER_BYTES = 16;
  static final int RECORD_HEADER_BYTES = 16;

  private static final String ZERO_FILLED = "zero-filled tail";

  /** Anything larger is treated as corruption rather than attempting a huge allocation. */
  static final int MAX_PAYLOAD_BYTES = 64 << 20;

  private RecordCodec() {}

  /** Outcome of decoding the bytes at one offset. */
  enum Status {
    OK,
    END,
    TORN,
    CORRUPT
  }

  /**
   * Result of {@link #read}: either an entry and the offset after it, or the reason why the bytes
   * at that offset are not a valid record.
   */
  record Read(Status status, LogEntry entry, long nextOffset, String problem) {
    static Read problem(Status status, String why) {
      return new Read(status, null, -1, why);
    }
  }

  /** Whether the read found zeros where a record header would be: no record was ever there. */
  static boolean isZeroFilled(Read r) {
    return r.status() == Status.CORRUPT && ZERO_FILLED.equals(r.problem());
  }

  static int recordBytes(int payloadLength) {
    return RECORD_HEADER_BYTES + payloadLength;
  }

  static ByteBuffer encodeSegmentHeader(long firstLsn) {
    return ByteBuffer.allocate(SEGMENT_HEADER_BYTES)
        .putInt(MAGIC)
        .putInt(VERSION)
        .putLong(firstLsn)
        .flip();
  }

  /** Validates a segment header and returns its first LSN. */
  static long decodeSegmentHeader(ByteBuffer header, String file) throws IOException {
    int magic = header.getInt();
    int version = header.getInt();
    long firstLsn = header.getLong();
    if (magic != MAGIC) {
      throw new IOException(
          file + " is not a log segment (bad magic 0x" + Integer.toHexString(magic) + ")");
    }
    if (version != VERSION) {
      throw new IOException(file + " has unsupported segment format version " + version);
    }
    return firstLsn;
  }

  static ByteBuffer encode(long lsn, byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload of " + payload.length + " bytes exceeds the maximum of " + MAX_PAYLOAD_BYTES);
    }
    return ByteBuffer.allocate(recordBytes(payload.length))
        .putInt(payload.length)
        .putInt(crc(lsn, payload))
        .putLong(lsn)
        .put(payload)
        .flip();
  }

  static int crc(long lsn, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(Long.BYTES).putLong(lsn).flip());
    crc.update(payload);
    return (int) crc.getValue();
  }

  /**
   * Decodes the record at {@code offset}, reading no further than {@code limit} (the file size).
   * Never throws for bad data; only for I/O errors.
   */
  static Read read(FileChannel channel, long offset, long limit) throws IOException {
    long remaining = limit - offset;
    if (remaining == 0) {
      return Read.problem(Status.END, "end of file");
    }
    if (remaining < RECORD_HEADER_BYTES) {
      return Read.problem(Status.TORN, "partial record header (" + remaining + " bytes)");
    }
    ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER_BYTES);
    if (!readFully(channel, header, offset)) {
      return Read.problem(Status.TORN, "partial record header");
    }
    header.flip();
    int length = header.getInt();
    int storedCrc = header.getInt();
    long lsn = header.getLong();
    Read bad = checkHeader(length, storedCrc, lsn);
    if (bad != null) {
      return bad;
    }
    if (remaining - RECORD_HEADER_BYTES < length) {
      return Read.problem(
          Status.TORN,
          "partial payload (" + (remaining - RECORD_HEADER_BYTES) + " of " + length + " bytes)");
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    if (!readFully(channel, payload, offset + RECORD_HEADER_BYTES)) {
      return Read.problem(Status.TORN, "partial payload");
    }
    return verified(lsn, storedCrc, payload.array(), offset);
  }

  /**
   * Decodes the record at {@code at} in {@code buffer}, which holds the file's bytes from {@code
   * offset - at} on: the header, and the whole payload if the header is plausible (the caller
   * checks with {@link #bufferedRecordBytes} first). Never throws for bad data.
   */
  static Read read(ByteBuffer buffer, int at, long offset) {
    int length = buffer.getInt(at);
    int storedCrc = buffer.getInt(at + 4);
    long lsn = buffer.getLong(at + 8);
    Read bad = checkHeader(length, storedCrc, lsn);
    if (bad != null) {
      return bad;
    }
    byte[] bytes = new byte[length];
    buffer.get(at + RECORD_HEADER_BYTES, bytes);
    return verified(lsn, storedCrc, bytes, offset);
  }

  /**
   * How many bytes the record at {@code at} takes if {@code buffer} holds all of it (or its header
   * is implausible, which {@link #read(ByteBuffer, int, long)} reports), else -1.
   */
  static int bufferedRecordBytes(ByteBuffer buffer, int at) {
    int available = buffer.limit() - at;
    if (available < RECORD_HEADER_BYTES) {
      return -1;
    }
    int length = buffer.getInt(at);
    if (length < 0 || length > MAX_PAYLOAD_BYTES) {
      return RECORD_HEADER_BYTES;
    }
    return available - RECORD_HEADER_BYTES >= length ? recordBytes(length) : -1;
  }

  private static Read checkHeader(int length, int storedCrc, long lsn) {
    if (length == 0 && storedCrc == 0 && lsn == 0) {
      // Preallocated or zero-filled blocks after a crash: not a record, just garbage.
      return Read.problem(Status.CORRUPT, ZERO_FILLED);
    }
    if (length < 0 || length > MAX_PAYLOAD_BYTES) {
      return Read.problem(Status.CORRUPT, "implausible record length " + length);
    }
    return null;
  }

  private static Read verified(long lsn, int storedCrc, byte[] bytes, long offset) {
    if (crc(lsn, bytes) != storedCrc) {
      return Read.problem(Status.CORRUPT, "CRC mismatch for LSN " + lsn);
    }
    return new Read(Status.OK, new LogEntry(lsn, bytes), offset + recordBytes(bytes.length), null);
  }

  /**
   * Reads only the header at {@code offset} and returns the offset of the following record; used to
   * skip forward without paying for payload reads and CRCs.
   */
  static long skip(FileChannel channel, long offset, long expectedLsn) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER_BYTES);
    if (!readFully(channel, header, offset)) {
      throw new EOFException("unexpected end of segment at offset " + offset);
    }
    return skipHeader(header, 0, offset, expectedLsn);
  }

  /**
   * As {@link #skip(FileChannel, long, long)}, for a header already in {@code buffer} at {@code at}
   * (the file's {@code offset}).
   */
  static long skipHeader(ByteBuffer buffer, int at, long offset, long expectedLsn)
      throws IOException {
    int length = buffer.getInt(at);
    long lsn = buffer.getLong(at + 8);
    if (lsn != expectedLsn || length < 0 || length > MAX_PAYLOAD_BYTES) {
      throw new IOException(
          "corrupt record at offset "
              + offset
              + ": expected LSN "
              + expectedLsn
              + " but found LSN "
              + lsn
              + " with length "
              + length);
    }
    return offset + recordBytes(length);
  }

  /** Positional read that loops over short reads; false if the file ends first. */
  static boolean readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
    long pos = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        return false;
      }
      pos += n;
    }
    return true;
  }
}
