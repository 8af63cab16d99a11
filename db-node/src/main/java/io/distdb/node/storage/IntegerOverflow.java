package io.distdb.node.storage;

/**
 * Which integer type overflowed, read from where H2 threw. PostgreSQL names the type ("bigint out
 * of range"); H2's message names a value only, and not always the result: a bigint operation
 * reports its left operand ({@code 3::int8 * 9223372036854775807} says "3"), so the value alone
 * cannot tell a bigint overflow from a smallint one. The frames of H2's value classes can: the
 * arithmetic of each type lives in its own class, and casts in {@code Value.convertTo<Type>}.
 */
final class IntegerOverflow {

  private IntegerOverflow() {}

  /** PostgreSQL's message for the overflow {@code e} reports, or null if no frame says the type. */
  static String message(Throwable e) {
    String type = type(e);
    return type == null ? null : type + " out of range";
  }

  /**
   * The integer type ({@code smallint}, {@code integer}, {@code bigint}) whose arithmetic or
   * conversion threw {@code e}, or null.
   */
  static String type(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String type = typeOf(frame);
        if (type != null) {
          return type;
        }
      }
    }
    return null;
  }

  private static String typeOf(StackTraceElement frame) {
    switch (frame.getClassName()) {
      case "org.h2.value.ValueSmallint":
        return "smallint";
      case "org.h2.value.ValueInteger":
        return "integer";
      case "org.h2.value.ValueBigint":
        return "bigint";
      case "org.h2.value.Value":
        return switch (frame.getMethodName()) {
          case "convertToShort", "convertToSmallint" -> "smallint";
          case "convertToInt" -> "integer";
          case "convertToLong", "convertToBigint" -> "bigint";
          default -> null;
        };
      default:
        return null;
    }
  }
}
