package io.distdb.node.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pg_temp insert function of {@link TempInsertFunction} and its DROP; every other
 * function stays refused (PL/pgSQL is not something distdb runs).
 */
final class TempFunctionParser {

  private static final Pattern CREATE =
      Pattern.compile(
          "(?is)\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+pg_temp\\.(\\w+)\\s*\\(\\s*OUT\\s+(\\w+)"
              + "\\s+(?:\"[^\"]+\"|[\\w.]+)\\s*,\\s*OUT\\s+(\\w+)\\s+text\\s*\\)\\s+RETURNS\\s+RECORD"
              + "\\s+AS\\s+(\\$\\w*\\$)(.*)\\4\\s+LANGUAGE\\s+plpgsql\\s*;?\\s*");

  private static final Pattern BODY =
      Pattern.compile(
          "(?is)\\s*BEGIN\\s+(INSERT\\s+.*\\s+RETURNING\\s+\\*)\\s+INTO\\s+(\\w+)\\s*;\\s*EXCEPTION"
              + "\\s+WHEN\\s+unique_violation\\s+THEN\\s+GET\\s+STACKED\\s+DIAGNOSTICS\\s+(\\w+)\\s*="
              + "\\s*PG_EXCEPTION_DETAIL\\s*;\\s*END\\s*;?\\s*");

  private static final Pattern DROP =
      Pattern.compile(
          "(?is)\\s*DROP\\s+FUNCTION\\s+(IF\\s+EXISTS\\s+)?pg_temp\\.(\\w+)\\s*\\(\\s*\\)\\s*;?\\s*");

  private TempFunctionParser() {}

  /** The statement, or null if {@code sql} is neither of the two shapes. */
  static Statement parse(List<Token> tokens, String sql) {
    if (tokens.size() < 4
        || !(tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("DROP"))
        || !sql.toLowerCase(Locale.ROOT).contains("pg_temp.")) {
      return null;
    }
    Matcher drop = DROP.matcher(sql);
    if (drop.matches()) {
      return new TempInsertFunction.Drop(fold(drop.group(2)), drop.group(1) != null);
    }
    Matcher create = CREATE.matcher(sql);
    if (!create.matches()) {
      return null;
    }
    Matcher body = BODY.matcher(create.group(5));
    if (!body.matches()
        || !body.group(2).equalsIgnoreCase(create.group(2))
        || !body.group(3).equalsIgnoreCase(create.group(3))) {
      return null;
    }
    return new TempInsertFunction(
        fold(create.group(1)), body.group(1), fold(create.group(2)), fold(create.group(3)));
  }

  private static String fold(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }
}
