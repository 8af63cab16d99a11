package io.distdb.node.pgwire;

import io.distdb.node.copy.CopyLineEncoder;
import io.distdb.node.copy.CopyOptions;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyInResponse;
import io.distdb.node.pgwire.types.ParameterDecoder;
import io.distdb.node.pgwire.types.TextValueWriter;
import io.distdb.node.service.Column;
import io.distdb.node.service.CopyIn;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.SqlException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code COPY ... FROM STDIN (FORMAT binary)} (asyncpg's copy_records_to_table, pgjdbc's binary
 * copy) as a wire format: each complete tuple of the binary stream is decoded with the Bind
 * parameter decoders and handed on to the session's COPY as a line of COPY's text format, so rows
 * are parsed, typed and checked exactly as text COPY's are.
 *
 * <pre>
 * header:  "PGCOPY\n\377\r\n\0"  int32 flags  int32 extension length  extension bytes
 * tuple:   int16 field count (-1: trailer)  then per field int32 length (-1: NULL)  bytes
 * </pre>
 */
final class BinaryCopyIn implements CopyIn {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };
  private static final String BAD_FORMAT = "22P04";

  private final CopyIn text;
  private final List<Column> columns;
  private final CopyLineEncoder encoder = new CopyLineEncoder(CopyOptions.TEXT);
  private byte[] pending = new byte[0];
  private boolean headerRead;
  private boolean ended;

  /**
   * @param text the session's COPY, reading text format
   * @param columns the target columns in input order
   */
  BinaryCopyIn(CopyIn text, List<Column> columns) {
    this.text = text;
    this.columns = List.copyOf(columns);
  }

  /**
   * Answers a COPY FROM STDIN with CopyInResponse (flushed) in its format, and returns where the
   * client's CopyData goes: the session's COPY, behind a transcoder for binary format.
   */
  static CopyIn start(ExecutionResult result, ConnectionOutput out) {
    CopyIn sink = result.copyIn();
    out.write(new CopyInResponse(result.columns().size(), sink.binary()));
    out.flush();
    return sink.binary() ? new BinaryCopyIn(sink, result.columns()) : sink;
  }

  @Override
  public void data(byte[] bytes) throws SqlException {
    if (ended) {
      return;
    }
    byte[] all = Arrays.copyOf(pending, pending.length + bytes.length);
    System.arraycopy(bytes, 0, all, pending.length, bytes.length);
    ByteBuf in = Unpooled.wrappedBuffer(all);
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    try {
      if (!headerRead && !readHeader(in)) {
        pending = all;
        return;
      }
      while (!ended && tuple(in, lines)) {
        // one line per complete tuple
      }
    } catch (SqlException e) {
      text.fail();
      throw e;
    }
    pending = Arrays.copyOfRange(all, in.readerIndex(), all.length);
    if (lines.size() > 0) {
      text.data(lines.toByteArray());
    }
  }

  @Override
  public String done() throws SqlException {
    if (!ended && (pending.length > 0 || !headerRead)) {
      text.fail();
      throw new SqlException(
          BAD_FORMAT,
          headerRead ? "unexpected EOF in COPY data" : "COPY file signature not recognized");
    }
    return text.done();
  }

  @Override
  public void fail() {
    text.fail();
  }

  @Override
  public SqlException failedBy(String sqlState, String message) {
    return text.failedBy(sqlState, message);
  }

  /** Reads the header if it is complete; false when more bytes are needed. */
  private boolean readHeader(ByteBuf in) throws SqlException {
    if (in.readableBytes() < SIGNATURE.length + 8) {
      return false;
    }
    for (byte b : SIGNATURE) {
      if (in.readByte() != b) {
        throw new SqlException(BAD_FORMAT, "COPY file signature not recognized");
      }
    }
    int flags = in.readInt();
    if ((flags & (1 << 16)) != 0) {
      throw new SqlException("0A000", "COPY BINARY with OIDs is not supported by distdb");
    }
    int extension = in.readInt();
    if (extension < 0 || in.readableBytes() < extension) {
      in.readerIndex(0);
      if (extension < 0) {
        throw new SqlException(BAD_FORMAT, "invalid COPY file header (missing length)");
      }
      return false;
    }
    in.skipBytes(extension);
    headerRead = true;
    return true;
  }

  /** Turns one complete tuple into a text line; false (nothing read) when it is incomplete. */
  private boolean tuple(ByteBuf in, ByteArrayOutputStream lines) throws SqlException {
    int start = in.readerIndex();
    if (in.readableBytes() < 2) {
      return false;
    }
    short count = in.readShort();
    if (count == -1) {
      ended = true;
      return false;
    }
    if (count != columns.size()) {
      throw new SqlException(
          BAD_FORMAT, "row field count is " + count + ", expected " + columns.size());
    }
    ByteBuf line = Unpooled.buffer();
    CopyLineEncoder.Sink sink = line::writeByte;
    for (int i = 0; i < count; i++) {
      if (in.readableBytes() < 4) {
        in.readerIndex(start);
        return false;
      }
      int length = in.readInt();
      if (length < -1) {
        throw new SqlException(BAD_FORMAT, "invalid field size");
      }
      if (length > in.readableBytes()) {
        in.readerIndex(start);
        return false;
      }
      if (i > 0) {
        encoder.delimiter(sink);
      }
      if (length == -1) {
        encoder.nullField(sink);
        continue;
      }
      byte[] field = new byte[length];
      in.readBytes(field);
      Column column = columns.get(i);
      Object value = ParameterDecoder.decode(column.typeOid(), ParameterDecoder.BINARY, field, i);
      ByteBuf valueText = Unpooled.buffer();
      TextValueWriter.write(column.type(), value, valueText);
      byte[] textBytes = ByteBufUtil.getBytes(valueText);
      encoder.field(textBytes, 0, textBytes.length, sink);
    }
    encoder.endLine(sink);
    lines.writeBytes(ByteBufUtil.getBytes(line));
    return true;
  }
}
