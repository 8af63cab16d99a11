package io.distdb.node.pgwire.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding with PostgreSQL's rules and error text: overlong forms, surrogates, code
 * points above U+10FFFF, truncated sequences and (in values) NUL are rejected with SQLSTATE 22021
 * {@code invalid byte sequence for encoding "UTF8": 0x..}, naming the bytes of the offending
 * character as PostgreSQL's {@code report_invalid_encoding} does. The JDK's decoder would instead
 * replace them with U+FFFD and let the damaged text reach the database.
 */
public final class Utf8 {

  private Utf8() {}

  /** Decodes {@code bytes}; NUL is rejected, as PostgreSQL rejects it in text values. */
  public static String decodeValue(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes a slice; the caller has cut off the string's terminating NUL. */
  public static String decode(byte[] bytes, int offset, int length) {
    int bad = firstInvalid(bytes, offset, length);
    if (bad >= 0) {
      throw new InvalidTextException(message(bytes, bad, offset + length));
    }
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /** Index of the first byte of the first invalid character, or -1. */
  static int firstInvalid(byte[] b, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c >= 0x01 && c < 0x80) {
        i++;
        continue;
      }
      int n = sequenceLength(c);
      if (c == 0 || n == 1 || i + n > end || !legal(b, i, n)) {
        return i;
      }
      i += n;
    }
    return -1;
  }

  /** PostgreSQL's pg_utf_mblen: the length a lead byte announces (1 for a stray byte). */
  private static int sequenceLength(int lead) {
    if ((lead & 0x80) == 0) {
      return 1;
    } else if ((lead & 0xE0) == 0xC0) {
      return 2;
    } else if ((lead & 0xF0) == 0xE0) {
      return 3;
    } else if ((lead & 0xF8) == 0xF0) {
      return 4;
    }
    return 1;
  }

  /** PostgreSQL's pg_utf8_islegal for a multi-byte sequence. */
  private static boolean legal(byte[] b, int i, int n) {
    int lead = b[i] & 0xFF;
    for (int k = 2; k < n; k++) {
      if (!continuation(b[i + k])) {
        return false;
      }
    }
    int second = b[i + 1] & 0xFF;
    return switch (lead) {
      case 0xE0 -> second >= 0xA0 && second <= 0xBF;
      case 0xED -> second >= 0x80 && second <= 0x9F;
      case 0xF0 -> second >= 0x90 && second <= 0xBF;
      case 0xF4 -> second >= 0x80 && second <= 0x8F;
      default -> continuation(b[i + 1]) && (n != 2 || lead >= 0xC2) && (n != 4 || lead <= 0xF4);
    };
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  private static String message(byte[] b, int bad, int end) {
    int n = Math.min(sequenceLength(b[bad] & 0xFF), end - bad);
    StringBuilder s = new StringBuilder("invalid byte sequence for encoding \"UTF8\": ");
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        s.append(' ');
      }
      s.append(String.format("0x%02x", b[bad + k] & 0xFF));
    }
    return s.toString();
  }
}
