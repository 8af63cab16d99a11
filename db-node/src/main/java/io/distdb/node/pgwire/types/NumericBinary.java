package io.distdb.node.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * numeric's binary wire format: int16 ndigits, int16 weight, int16 sign, int16 dscale, then ndigits
 * base-10000 digits. The value is {@code sum(digit[i] * 10000^(weight - i))}; leading and trailing
 * zero digits are not sent, dscale carries the displayed decimal places.
 */
public final class NumericBinary {

  static final int POSITIVE = 0x0000;
  static final int NEGATIVE = 0x4000;
  static final int NAN = 0xC000;
  static final int PINF = 0xD000;
  static final int NINF = 0xF000;

  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private NumericBinary() {}

  public static void write(BigDecimal value, ByteBuf out) {
    int dscale = Math.max(value.scale(), 0);
    String plain = value.abs().setScale(dscale).toPlainString();
    int dot = plain.indexOf('.');
    String intPart = stripLeadingZeros(dot < 0 ? plain : plain.substring(0, dot));
    String fracPart = dot < 0 ? "" : plain.substring(dot + 1);

    int intGroups = (intPart.length() + 3) / 4;
    int fracGroups = (fracPart.length() + 3) / 4;
    String padded =
        "0".repeat(intGroups * 4 - intPart.length())
            + intPart
            + fracPart
            + "0".repeat(fracGroups * 4 - fracPart.length());
    short[] digits = new short[intGroups + fracGroups];
    for (int i = 0; i < digits.length; i++) {
      digits[i] = Short.parseShort(padded.substring(i * 4, i * 4 + 4));
    }
    int first = 0;
    while (first < digits.length && digits[first] == 0) {
      first++;
    }
    int last = digits.length;
    while (last > first && digits[last - 1] == 0) {
      last--;
    }
    int weight = first == last ? 0 : intGroups - 1 - first;
    out.writeShort(last - first);
    out.writeShort(weight);
    out.writeShort(value.signum() < 0 ? NEGATIVE : POSITIVE);
    out.writeShort(dscale);
    for (int i = first; i < last; i++) {
      out.writeShort(digits[i]);
    }
  }

  /**
   * Writes numeric's special values, which have no BigDecimal: {@code NaN}, {@code Infinity},
   * {@code -Infinity} (PostgreSQL 14+), as their text names them; no digits. The dscale is what
   * PostgreSQL's numeric_send reads from the special value's header bits: 0 for NaN, 32 for the
   * infinities.
   */
  public static void writeSpecial(String text, ByteBuf out) {
    int sign =
        switch (text) {
          case "NaN" -> NAN;
          case "Infinity" -> PINF;
          case "-Infinity" -> NINF;
          default -> throw new IllegalArgumentException("not a special numeric: " + text);
        };
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(sign);
    out.writeShort((sign & 0x1F80) >> 7);
  }

  /** Reads a value written by {@link #write}; NaN has no BigDecimal and is rejected. */
  public static BigDecimal read(ByteBuf in) {
    int ndigits = in.readUnsignedShort();
    int weight = in.readShort();
    int sign = in.readUnsignedShort();
    int dscale = in.readUnsignedShort();
    if (sign == NAN) {
      throw new IllegalArgumentException("NaN is not supported");
    }
    if (sign != POSITIVE && sign != NEGATIVE) {
      throw new IllegalArgumentException("invalid sign in external \"numeric\" value");
    }
    BigInteger unscaled = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      int digit = in.readShort();
      if (digit < 0 || digit >= 10_000) {
        throw new IllegalArgumentException("invalid digit in external \"numeric\" value");
      }
      unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
    }
    // unscaled holds the digits with the last one at 10000^(weight - ndigits + 1).
    BigDecimal v = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
    v = v.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
    return sign == NEGATIVE ? v.negate() : v;
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
