package io.distdb.node.storage;

import java.util.Map;

/**
 * float8 and float4 arithmetic with PostgreSQL's range checks (float.h's float8_mul and friends): a
 * finite operation whose result is infinite is 22003 "value out of range: overflow", a non-zero
 * product or quotient that rounds to zero is "underflow", and division by zero is 22012 even for
 * floats. The engine's double arithmetic answers Infinity or 0 instead. Installed as aliases in
 * {@code distdb_catalog} like {@link PostgresFunctions}; pure, a null argument gives null.
 */
public final class PostgresFloatFunctions {

  /** SQL name → Java method, installed by {@link EngineFunctions}. */
  static final Map<String, String> ALIASES =
      Map.of(
          "float8_pl", "float8Plus",
          "float8_mi", "float8Minus",
          "float8_mul", "float8Multiply",
          "float8_div", "float8Divide",
          "float4_pl", "float4Plus",
          "float4_mi", "float4Minus",
          "float4_mul", "float4Multiply",
          "float4_div", "float4Divide");

  private PostgresFloatFunctions() {}

  public static Double float8Plus(Double a, Double b) {
    return a == null || b == null ? null : checked(a + b, a, b, false);
  }

  public static Double float8Minus(Double a, Double b) {
    return a == null || b == null ? null : checked(a - b, a, b, false);
  }

  public static Double float8Multiply(Double a, Double b) {
    return a == null || b == null ? null : checked(a * b, a, b, a != 0 && b != 0);
  }

  public static Double float8Divide(Double a, Double b) {
    if (a == null || b == null) {
      return null;
    }
    if (b == 0 && !a.isNaN()) {
      throw new IllegalArgumentException("22012: division by zero");
    }
    return checked(a / b, a, 0.0, a != 0 && !b.isInfinite());
  }

  public static Float float4Plus(Float a, Float b) {
    return a == null || b == null ? null : checked(a + b, a, b, false);
  }

  public static Float float4Minus(Float a, Float b) {
    return a == null || b == null ? null : checked(a - b, a, b, false);
  }

  public static Float float4Multiply(Float a, Float b) {
    return a == null || b == null ? null : checked(a * b, a, b, a != 0 && b != 0);
  }

  public static Float float4Divide(Float a, Float b) {
    if (a == null || b == null) {
      return null;
    }
    if (b == 0 && !a.isNaN()) {
      throw new IllegalArgumentException("22012: division by zero");
    }
    return checked(a / b, a, 0f, a != 0 && !b.isInfinite());
  }

  /**
   * @param nonZero whether a zero result means underflow (a product or quotient of non-zero
   *     operands)
   */
  private static double checked(double result, double a, double b, boolean nonZero) {
    if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
      throw new IllegalArgumentException("22003: value out of range: overflow");
    }
    if (result == 0 && nonZero) {
      throw new IllegalArgumentException("22003: value out of range: underflow");
    }
    return result;
  }

  private static float checked(float result, float a, float b, boolean nonZero) {
    if (Float.isInfinite(result) && !Float.isInfinite(a) && !Float.isInfinite(b)) {
      throw new IllegalArgumentException("22003: value out of range: overflow");
    }
    if (result == 0 && nonZero) {
      throw new IllegalArgumentException("22003: value out of range: underflow");
    }
    return result;
  }
}
