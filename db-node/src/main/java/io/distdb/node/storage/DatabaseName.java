package io.distdb.node.storage;

import java.util.regex.Pattern;

/**
 * A logical database's name, as PostgreSQL folds it. Names become directory names, so only a safe
 * alphabet is accepted; anything else is refused before it touches the file system.
 */
public record DatabaseName(String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  public DatabaseName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid database name \""
              + value
              + "\": use 1-63 letters, digits or underscores,"
              + " starting with a letter or underscore");
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
