package io.distdb.node.pgwire.types;

import io.distdb.node.service.NumericText;
import io.distdb.node.service.PgType;
import io.distdb.node.storage.PgInterval;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes a value in PostgreSQL's binary (typsend) format, as clients such as pgjdbc request it. */
public final class BinaryValueWriter {

  private BinaryValueWriter() {}

  public static void write(PgType type, Object value, ByteBuf out) {
    switch (type) {
      case BOOL:
        out.writeByte(((Boolean) value) ? 1 : 0);
        break;
      case BYTEA:
        out.writeBytes((byte[]) value);
        break;
      case INT2:
        out.writeShort(((Number) value).shortValue());
        break;
      case INT4:
      case OID:
        // oid is an unsigned 32-bit value: the low four bytes of the Long.
        out.writeInt(((Number) value).intValue());
        break;
      case INT8:
        out.writeLong(((Number) value).longValue());
        break;
      case FLOAT4:
        out.writeFloat(((Number) value).floatValue());
        break;
      case FLOAT8:
        out.writeDouble(((Number) value).doubleValue());
        break;
      case NUMERIC:
        if (value instanceof String special && NumericText.isSpecial(special)) {
          NumericBinary.writeSpecial(special, out);
        } else {
          NumericBinary.write(toBigDecimal(value), out);
        }
        break;
      case DATE:
        out.writeInt(PgEpoch.toPgDays((LocalDate) value));
        break;
      case TIME:
        out.writeLong(((LocalTime) value).toNanoOfDay() / 1000);
        break;
      case TIMESTAMP:
        out.writeLong(PgEpoch.toPgMicros((LocalDateTime) value));
        break;
      case TIMESTAMPTZ:
        out.writeLong(PgEpoch.toPgMicros((OffsetDateTime) value));
        break;
      case UUID:
        UUID u = (UUID) value;
        out.writeLong(u.getMostSignificantBits()).writeLong(u.getLeastSignificantBits());
        break;
      case INTERVAL:
        PgInterval i = (PgInterval) value;
        out.writeLong(i.micros()).writeInt(i.days()).writeInt(i.months());
        break;
      case JSONB:
        out.writeByte(1); // jsonb's binary form: a version byte, then the text
        ByteBufUtil.writeUtf8(out, value.toString());
        break;
      case JSON:
      default:
        if (type.element() != null) {
          writeArray(type.element(), (Object[]) value, out);
          break;
        }
        // text-like types: the binary form is the UTF-8 text itself.
        ByteBufUtil.writeUtf8(out, value.toString());
    }
  }

  /**
   * PostgreSQL's array_send for one dimension: ndim, has-nulls flag, element OID, length and lower
   * bound 1, then each element as a length-prefixed value (-1 for NULL).
   */
  private static void writeArray(PgType element, Object[] values, ByteBuf out) {
    boolean nulls = false;
    for (Object v : values) {
      if (v instanceof Object[]) {
        throw new IllegalArgumentException("multidimensional arrays have no binary form here");
      }
      nulls |= v == null;
    }
    out.writeInt(values.length == 0 ? 0 : 1);
    out.writeInt(nulls ? 1 : 0);
    out.writeInt(element.oid());
    if (values.length == 0) {
      return;
    }
    out.writeInt(values.length);
    out.writeInt(1);
    for (Object v : values) {
      if (v == null) {
        out.writeInt(-1);
        continue;
      }
      int lengthAt = out.writerIndex();
      out.writeInt(0);
      write(element, v, out);
      out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
  }

  private static BigDecimal toBigDecimal(Object value) {
    return value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
  }
}
