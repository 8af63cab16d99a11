package io.distdb.node.pgwire.types;

import io.distdb.node.service.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;

/**
 * Writes a value in PostgreSQL's text output format straight into the outgoing buffer, with the
 * session settings we announce (DateStyle ISO, TimeZone UTC, bytea_output hex).
 */
public final class TextValueWriter {

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private TextValueWriter() {}

  public static void write(PgType type, Object value, ByteBuf out) {
    switch (type) {
      case BOOL:
        out.writeByte(((Boolean) value) ? 't' : 'f');
        break;
      case BYTEA:
        writeHex((byte[]) value, out);
        break;
      case INT2:
      case INT4:
      case INT8:
      case OID:
        ByteBufUtil.writeAscii(out, Long.toString(((Number) value).longValue()));
        break;
      case FLOAT4:
        ByteBufUtil.writeAscii(out, PgFloatFormat.format(((Number) value).floatValue()));
        break;
      case FLOAT8:
        ByteBufUtil.writeAscii(out, PgFloatFormat.format(((Number) value).doubleValue()));
        break;
      case NUMERIC:
        ByteBufUtil.writeAscii(out, numeric(value));
        break;
      case DATE:
        writeDate((LocalDate) value, out);
        break;
      case TIME:
        writeTime((LocalTime) value, out);
        break;
      case TIMESTAMP:
        writeTimestamp((LocalDateTime) value, out);
        break;
      case TIMESTAMPTZ:
        writeTimestamp(
            ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), out);
        ByteBufUtil.writeAscii(out, "+00");
        break;
      case INT2VECTOR:
      case OIDVECTOR:
        Object[] numbers = (Object[]) value;
        for (int k = 0; k < numbers.length; k++) {
          ByteBufUtil.writeAscii(out, (k > 0 ? " " : "") + numbers[k]);
        }
        break;
      default:
        if (type.element() != null) {
          writeArray(type.element(), (Object[]) value, out);
          break;
        }
        // text, varchar, bpchar, name, "char", json, uuid (toString is lower-case) and unknown
        // OIDs.
        ByteBufUtil.writeUtf8(out, value.toString());
    }
  }

  /** PostgreSQL's array_out: {@code {1,2}}, {@code {a,"b c",NULL}}, nested arrays in braces. */
  private static void writeArray(PgType element, Object[] values, ByteBuf out) {
    out.writeByte('{');
    for (int k = 0; k < values.length; k++) {
      if (k > 0) {
        out.writeByte(',');
      }
      Object v = values[k];
      if (v == null) {
        ByteBufUtil.writeAscii(out, "NULL");
      } else if (v instanceof Object[] nested) {
        writeArray(element, nested, out);
      } else {
        ByteBuf one = out.alloc().buffer();
        try {
          write(element, v, one);
          writeArrayElement(one.toString(java.nio.charset.StandardCharsets.UTF_8), out);
        } finally {
          one.release();
        }
      }
    }
    out.writeByte('}');
  }

  private static void writeArrayElement(String text, ByteBuf out) {
    if (!needsQuotes(text)) {
      ByteBufUtil.writeUtf8(out, text);
      return;
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    ByteBufUtil.writeUtf8(out, quoted.append('"'));
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  private static String numeric(Object value) {
    return value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : value.toString();
  }

  private static void writeHex(byte[] bytes, ByteBuf out) {
    out.ensureWritable(2 + bytes.length * 2);
    out.writeByte('\\').writeByte('x');
    for (byte b : bytes) {
      out.writeByte(HEX[(b >> 4) & 0xF]).writeByte(HEX[b & 0xF]);
    }
  }

  private static void writeDate(LocalDate d, ByteBuf out) {
    int year = d.getYear();
    if (year <= 0) {
      // PostgreSQL has no year 0: ISO year 0 is 1 BC.
      writeDigits(1 - year, 4, out);
    } else {
      writeDigits(year, 4, out);
    }
    out.writeByte('-');
    writeDigits(d.getMonthValue(), 2, out);
    out.writeByte('-');
    writeDigits(d.getDayOfMonth(), 2, out);
    if (year <= 0) {
      ByteBufUtil.writeAscii(out, " BC");
    }
  }

  private static void writeTime(LocalTime t, ByteBuf out) {
    writeDigits(t.getHour(), 2, out);
    out.writeByte(':');
    writeDigits(t.getMinute(), 2, out);
    out.writeByte(':');
    writeDigits(t.getSecond(), 2, out);
    int micros = t.get(ChronoField.MICRO_OF_SECOND);
    if (micros != 0) {
      // Six digits with the trailing zeros dropped: .5, .123456
      int digits = 6;
      while (micros % 10 == 0) {
        micros /= 10;
        digits--;
      }
      out.writeByte('.');
      writeDigits(micros, digits, out);
    }
  }

  private static void writeTimestamp(LocalDateTime ts, ByteBuf out) {
    LocalDate date = ts.toLocalDate();
    if (date.getYear() <= 0) {
      writeDate(date.withYear(1 - date.getYear()), out);
      out.writeByte(' ');
      writeTime(ts.toLocalTime(), out);
      ByteBufUtil.writeAscii(out, " BC");
      return;
    }
    writeDate(date, out);
    out.writeByte(' ');
    writeTime(ts.toLocalTime(), out);
  }

  /** Zero-padded to at least {@code width} digits; no String allocation on this hot path. */
  private static void writeDigits(int value, int width, ByteBuf out) {
    int len = 1;
    for (int v = value / 10; v > 0; v /= 10) {
      len++;
    }
    for (int i = len; i < width; i++) {
      out.writeByte('0');
    }
    // writerIndex() does not grow the buffer as writeByte() does.
    out.ensureWritable(len);
    int start = out.writerIndex();
    out.writerIndex(start + len);
    for (int i = len - 1; i >= 0; i--) {
      out.setByte(start + i, '0' + value % 10);
      value /= 10;
    }
  }
}
