package io.distdb.node.service;

/**
 * numeric's values that are not numbers: the engine's DECFLOAT holds {@code NaN} and the
 * infinities, but JDBC reads a numeric as a BigDecimal, which cannot; such a value travels as its
 * text instead, which is also PostgreSQL's text for it.
 */
public final class NumericText {

  private NumericText() {}

  public static boolean isSpecial(String text) {
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }
}
