package io.distdb.node.pgwire;

import io.distdb.node.service.SqlException;

/**
 * Bind's format-code arrays: zero codes mean all text, one code applies to every column (or
 * parameter), otherwise there is one code per column.
 */
final class ResultFormats {

  private ResultFormats() {}

  /** Per-column binary flags, or {@code null} when every column is text. */
  static boolean[] resolve(short[] codes, int columns) throws SqlException {
    if (codes.length == 0) {
      return null;
    }
    if (codes.length != 1 && codes.length != columns) {
      throw new SqlException(
          "08P01",
          "bind message has "
              + codes.length
              + " result formats but query has "
              + columns
              + " columns");
    }
    boolean[] binary = new boolean[columns];
    for (int i = 0; i < columns; i++) {
      binary[i] = isBinary(codes.length == 1 ? codes[0] : codes[i]);
    }
    return binary;
  }

  /** The format code of parameter {@code index} among {@code count}. */
  static short parameterFormat(short[] codes, int index, int count) throws SqlException {
    if (codes.length != 0 && codes.length != 1 && codes.length != count) {
      throw new SqlException(
          "08P01",
          "bind message has " + codes.length + " parameter formats but " + count + " parameters");
    }
    return codes.length == 0 ? 0 : codes.length == 1 ? codes[0] : codes[index];
  }

  private static boolean isBinary(short code) throws SqlException {
    if (code != 0 && code != 1) {
      throw new SqlException("22023", "unsupported format code: " + code);
    }
    return code == 1;
  }
}
