package io.distdb.node.pgwire.types;

import java.math.BigDecimal;

/**
 * float4/float8 text output as PostgreSQL 12+ prints it with extra_float_digits &gt; 0: the
 * shortest digits that round-trip, laid out like C's {@code %g} (fixed notation while the decimal
 * exponent is in [-4, precision), else {@code d.ddde+XX}). Java's own toString uses different
 * thresholds and an {@code E} notation ({@code 1.0E20}), which clients parsing PostgreSQL output do
 * not expect.
 */
public final class PgFloatFormat {

  private static final int DOUBLE_FIXED_LIMIT = 15;
  private static final int FLOAT_FIXED_LIMIT = 6;

  private PgFloatFormat() {}

  public static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
      return special(v, v < 0 || (v == 0 && 1 / v < 0));
    }
    // Double.toString yields the shortest round-trip digits (good enough on JDK 17).
    return layout(Double.toString(Math.abs(v)), v < 0, DOUBLE_FIXED_LIMIT);
  }

  public static String format(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v) || v == 0) {
      return special(v, v < 0 || (v == 0 && 1 / v < 0));
    }
    return layout(Float.toString(Math.abs(v)), v < 0, FLOAT_FIXED_LIMIT);
  }

  private static String special(double v, boolean negative) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return negative ? "-Infinity" : "Infinity";
    }
    return negative ? "-0" : "0";
  }

  private static String layout(String javaDigits, boolean negative, int fixedLimit) {
    BigDecimal d = new BigDecimal(javaDigits).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exponent = digits.length() - 1 - d.scale();
    StringBuilder sb = new StringBuilder(24);
    if (negative) {
      sb.append('-');
    }
    if (exponent >= -4 && exponent < fixedLimit) {
      return sb.append(d.toPlainString()).toString();
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      sb.append('0');
    }
    return sb.append(abs).toString();
  }
}
