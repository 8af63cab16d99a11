package io.distdb.node.pgwire.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

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
    return layout(shortest(Math.abs(v)), v < 0, DOUBLE_FIXED_LIMIT);
  }

  public static String format(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v) || v == 0) {
      return special(v, v < 0 || (v == 0 && 1 / v < 0));
    }
    return layout(shortest(Math.abs(v)), v < 0, FLOAT_FIXED_LIMIT);
  }

  /**
   * The shortest decimal that reads back as {@code v}, as PostgreSQL's Ryu output prints. JDK 17's
   * toString is not always shortest ({@code 1e16f} prints 1.00000003E16, {@code
   * 2.82879384806159e17} with 18 digits; fixed in JDK 19). Its answer is kept when it has at most
   * 15 significant digits (6 for float): two different decimals that short never read as the same
   * double (float), so no shorter one exists. Otherwise the exact value is rounded to 1, 2, ...
   * digits until one reads back. A decimal exactly halfway to a neighbour is not taken (it reads
   * back only by round-half-even): Ryu does not take it either where its exponent is large ({@code
   * 2e23::float8} prints 1.9999999999999998e+23).
   */
  private static String shortest(double v) {
    String java = Double.toString(v);
    if (significantDigits(java) <= DOUBLE_FIXED_LIMIT) {
      return java;
    }
    BigDecimal exact = new BigDecimal(v);
    for (int p = 1; p < 17; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == v
          && !isMidpoint(candidate, exact, Math.nextDown(v), Math.nextUp(v))) {
        return candidate.toString();
      }
    }
    return java;
  }

  private static String shortest(float v) {
    String java = Float.toString(v);
    if (significantDigits(java) <= FLOAT_FIXED_LIMIT) {
      return java;
    }
    BigDecimal exact = new BigDecimal(v);
    for (int p = 1; p < 9; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (candidate.floatValue() == v
          && !isMidpoint(candidate, exact, Math.nextDown(v), Math.nextUp(v))) {
        return candidate.toString();
      }
    }
    return java;
  }

  private static boolean isMidpoint(
      BigDecimal candidate, BigDecimal exact, double below, double above) {
    BigDecimal two = BigDecimal.valueOf(2);
    return candidate.compareTo(exact.add(new BigDecimal(below)).divide(two)) == 0
        || (!Double.isInfinite(above)
            && candidate.compareTo(exact.add(new BigDecimal(above)).divide(two)) == 0);
  }

  /** Significant digits of Java's toString output ({@code 1.2345E-5}, {@code 0.00123}). */
  private static int significantDigits(String java) {
    int e = java.indexOf('E');
    String mantissa = e < 0 ? java : java.substring(0, e);
    return new BigDecimal(mantissa).stripTrailingZeros().precision();
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
