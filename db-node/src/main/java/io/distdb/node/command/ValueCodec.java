package io.distdb.node.command;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.api.Interval;
import org.h2.api.IntervalQualifier;

/**
 * Tagged binary encoding of a value: a bound parameter of a DDL statement, or a column value of a
 * row image as the engine handed it to the capture trigger. A replica binds the same Java object,
 * and the engine stores it the same way.
 */
final class ValueCodec {

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int INT = 2;
  private static final int LONG = 3;
  private static final int SHORT = 4;
  private static final int DOUBLE = 5;
  private static final int FLOAT = 6;
  private static final int BOOL = 7;
  private static final int BYTES = 8;
  private static final int DECIMAL = 9;
  private static final int DATE = 10;
  private static final int TIME = 11;
  private static final int TIMESTAMP = 12;
  private static final int TIMESTAMPTZ = 13;
  private static final int UUID_TAG = 14;
  private static final int ARRAY = 15;
  private static final int INTERVAL = 16;
  private static final int TIMETZ = 17;
  private static final int BYTE = 18;

  static {
    // Interval values initialize engine classes; the engine's restrictions must come first.
    io.distdb.node.storage.EngineHardening.install();
  }

  private ValueCodec() {}

  static void write(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      writeLongString(out, s);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (v instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (v instanceof Boolean b) {
      out.writeByte(BOOL);
      out.writeBoolean(b);
    } else if (v instanceof byte[] b) {
      out.writeByte(BYTES);
      writeBytes(out, b);
    } else if (v instanceof BigDecimal d) {
      out.writeByte(DECIMAL);
      out.writeInt(d.scale());
      writeBytes(out, d.unscaledValue().toByteArray());
    } else if (v instanceof LocalDate d) {
      out.writeByte(DATE);
      out.writeLong(d.toEpochDay());
    } else if (v instanceof LocalTime t) {
      out.writeByte(TIME);
      out.writeLong(t.toNanoOfDay());
    } else if (v instanceof LocalDateTime t) {
      out.writeByte(TIMESTAMP);
      out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
      out.writeInt(t.getNano());
    } else if (v instanceof OffsetDateTime t) {
      out.writeByte(TIMESTAMPTZ);
      out.writeLong(t.toEpochSecond());
      out.writeInt(t.getNano());
      out.writeInt(t.getOffset().getTotalSeconds());
    } else if (v instanceof UUID u) {
      out.writeByte(UUID_TAG);
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else if (v instanceof Object[] a) {
      out.writeByte(ARRAY);
      out.writeInt(a.length);
      for (Object element : a) {
        write(out, element);
      }
    } else if (v instanceof Interval i) {
      out.writeByte(INTERVAL);
      out.writeByte(i.getQualifier().ordinal());
      out.writeBoolean(i.isNegative());
      out.writeLong(i.getLeading());
      out.writeLong(i.getRemaining());
    } else if (v instanceof OffsetTime t) {
      out.writeByte(TIMETZ);
      out.writeLong(t.toLocalTime().toNanoOfDay());
      out.writeInt(t.getOffset().getTotalSeconds());
    } else if (v instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else {
      throw new IllegalArgumentException("cannot log a value of type " + v.getClass().getName());
    }
  }

  static Object read(PayloadReader in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> readLongString(in);
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case SHORT -> in.readShort();
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case BOOL -> in.readBoolean();
      case BYTES -> readBytes(in);
      case DECIMAL -> {
        int scale = in.readInt();
        yield new BigDecimal(new BigInteger(readBytes(in)), scale);
      }
      case DATE -> LocalDate.ofEpochDay(in.readLong());
      case TIME -> LocalTime.ofNanoOfDay(in.readLong());
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
      case TIMESTAMPTZ -> {
        long seconds = in.readLong();
        int nanos = in.readInt();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
        yield OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos), offset);
      }
      case UUID_TAG -> new UUID(in.readLong(), in.readLong());
      case ARRAY -> {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
          throw new IOException("bad array length " + n);
        }
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
          a[i] = read(in);
        }
        yield a;
      }
      case INTERVAL -> {
        int qualifier = in.readUnsignedByte();
        if (qualifier >= IntervalQualifier.values().length) {
          throw new IOException("bad interval qualifier " + qualifier);
        }
        yield new Interval(
            IntervalQualifier.values()[qualifier], in.readBoolean(), in.readLong(), in.readLong());
      }
      case TIMETZ ->
          OffsetTime.of(
              LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()));
      case BYTE -> in.readByte();
      default -> throw new IOException("unknown value tag " + tag);
    };
  }

  /** Strings longer than writeUTF's 64 KiB limit are common in SQL, so lengths are 32-bit. */
  static void writeLongString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readLongString(PayloadReader in) throws IOException {
    int n = length(in);
    int at = in.position();
    in.skip(n);
    return new String(in.bytes(), at, n, StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(PayloadReader in) throws IOException {
    byte[] b = new byte[length(in)];
    in.readFully(b);
    return b;
  }

  private static int length(PayloadReader in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad length " + n);
    }
    return n;
  }
}
