package io.distdb.node.pgwire.types;

import io.distdb.node.pgwire.protocol.InvalidTextException;
import io.distdb.node.pgwire.protocol.Utf8;
import io.distdb.node.service.PgType;
import io.distdb.node.service.SqlException;
import io.distdb.node.storage.PgInterval;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Turns a Bind parameter into the Java value {@code SqlSession.execute} expects: text format stays
 * a String (the service converts it with its own casting rules), binary format becomes the Java
 * class of the parameter's type.
 */
public final class ParameterDecoder {

  public static final short TEXT = 0;
  public static final short BINARY = 1;

  private ParameterDecoder() {}

  public static Object decode(int typeOid, short format, byte[] bytes, int index)
      throws SqlException {
    if (bytes == null) {
      return null;
    }
    if (format == TEXT) {
      return text(bytes);
    }
    if (format != BINARY) {
      throw new SqlException("22023", "unsupported format code: " + format);
    }
    PgType type = PgType.byOid(typeOid);
    if (type.oid() != typeOid && typeOid != 0) {
      throw new SqlException(
          "0A000",
          "binary format is not supported for parameter $" + (index + 1) + " of type " + typeOid);
    }
    try {
      return binary(type, Unpooled.wrappedBuffer(bytes), bytes.length);
    } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
      throw new SqlException(
          "22P03", "incorrect binary data format in bind parameter " + (index + 1));
    }
  }

  private static String text(byte[] bytes) throws SqlException {
    try {
      return Utf8.decodeValue(bytes);
    } catch (InvalidTextException e) {
      throw new SqlException(InvalidTextException.SQLSTATE, e.getMessage());
    }
  }

  private static Object binary(PgType type, ByteBuf in, int length) throws SqlException {
    Object value = read(type, in, length);
    if (in.isReadable()) {
      throw new IllegalArgumentException("trailing bytes");
    }
    return value;
  }

  private static Object read(PgType type, ByteBuf in, int length) throws SqlException {
    if (type.element() != null) {
      return array(type, in);
    }
    switch (type) {
      case BOOL:
        return in.readByte() != 0;
      case BYTEA:
        byte[] copy = new byte[length];
        in.readBytes(copy);
        return copy;
      case INT2:
        return in.readShort();
      case INT4:
        return in.readInt();
      case OID:
        return Integer.toUnsignedLong(in.readInt());
      case INT8:
        return in.readLong();
      case FLOAT4:
        return in.readFloat();
      case FLOAT8:
        return in.readDouble();
      case NUMERIC:
        return NumericBinary.read(in);
      case DATE:
        return PgEpoch.fromPgDays(in.readInt());
      case TIME:
        return LocalTime.ofNanoOfDay(in.readLong() * 1000);
      case TIMESTAMP:
        return PgEpoch.localFromPgMicros(in.readLong());
      case TIMESTAMPTZ:
        return PgEpoch.offsetFromPgMicros(in.readLong());
      case UUID:
        return new UUID(in.readLong(), in.readLong());
      case INTERVAL:
        // interval_send: microseconds, days, months; bound as interval text, as a text parameter.
        long micros = in.readLong();
        int days = in.readInt();
        return new PgInterval(in.readInt(), days, micros).toString();
      case JSONB:
        if (in.readByte() != 1) {
          throw new IllegalArgumentException("unsupported jsonb version number");
        }
        byte[] json = new byte[length - 1];
        in.readBytes(json);
        return text(json);
      case TEXT:
      case VARCHAR:
      case BPCHAR:
      case NAME:
      case CHAR:
      case JSON:
      case UNKNOWN:
        byte[] text = new byte[length];
        in.readBytes(text);
        return text(text);
      default:
        throw new SqlException("0A000", "binary format is not supported for type " + type);
    }
  }

  /**
   * PostgreSQL's array_recv: ndim, has-nulls flag, element OID, then per dimension its length and
   * lower bound, then each element as a length (-1 for null) and its binary form. One dimension (or
   * none: the empty array); the element type is the one the payload names.
   */
  private static Object[] array(PgType arrayType, ByteBuf in) throws SqlException {
    int dimensions = in.readInt();
    in.readInt(); // has-nulls flag: the lengths say it again
    int elementOid = in.readInt();
    if (dimensions == 0) {
      return new Object[0];
    }
    if (dimensions != 1) {
      throw new SqlException("0A000", "binary multidimensional array parameters are not supported");
    }
    PgType element = PgType.byOid(elementOid);
    if (element.oid() != elementOid || element.element() != null) {
      element = arrayType.element();
    }
    int count = in.readInt();
    in.readInt(); // lower bound
    if (count < 0 || count > in.readableBytes() / 4) {
      throw new IllegalArgumentException("array length " + count);
    }
    Object[] values = new Object[count];
    for (int k = 0; k < count; k++) {
      int length = in.readInt();
      if (length >= 0) {
        values[k] = binary(element, in.readSlice(length), length);
      }
    }
    return values;
  }
}
