package io.distdb.node.storage;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An expression as the engine prints it ({@code "price" >= CAST(0 AS NUMERIC(1))}) spelled the way
 * PostgreSQL deparses it ({@code price >= 0::numeric}), for the catalog functions that show stored
 * expressions (a CHECK constraint's definition). Only spelling changes: identifiers lose quotes
 * they do not need, and a cast of a constant becomes {@code constant::type}; anything else is kept.
 */
final class PostgresExpressionText {

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

  /** PostgreSQL's reserved keywords (pg_get_keywords' category R), which must stay quoted. */
  private static final Set<String> RESERVED = reservedKeywords();

  private PostgresExpressionText() {}

  static String of(String engineText) {
    if (engineText == null) {
      return null;
    }
    List<Token> tokens;
    try {
      tokens = SqlLexer.tokenize(engineText);
    } catch (io.distdb.node.sql.StatementException | RuntimeException e) {
      return engineText;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == TokenKind.QUOTED_IDENTIFIER
          && PLAIN_IDENTIFIER.matcher(t.value()).matches()
          && !RESERVED.contains(t.value())) {
        out.append(engineText, copied, t.start()).append(t.value());
        copied = t.end();
        continue;
      }
      int castEnd = constantCastEnd(tokens, i);
      if (castEnd > 0) {
        Token constant = tokens.get(i + 2);
        Token type = tokens.get(i + 4);
        out.append(engineText, copied, t.start())
            .append(engineText, constant.start(), constant.end())
            .append("::")
            .append(typeName(type.value()));
        copied = tokens.get(castEnd).end();
        i = castEnd;
      }
    }
    return out.append(engineText.substring(copied)).toString();
  }

  /**
   * {@code CAST ( constant AS type [( n [, n] )] )} starting at i: the index of its closing
   * parenthesis, or -1.
   */
  private static int constantCastEnd(List<Token> tokens, int i) {
    if (i + 5 >= tokens.size()
        || !tokens.get(i).isKeyword("CAST")
        || !tokens.get(i + 1).is("(")
        || !(tokens.get(i + 2).kind() == TokenKind.NUMBER
            || tokens.get(i + 2).kind() == TokenKind.STRING)
        || !tokens.get(i + 3).isKeyword("AS")
        || typeName(tokens.get(i + 4).value()) == null) {
      return -1;
    }
    int j = i + 5;
    if (tokens.get(j).is("(")) {
      while (j < tokens.size() && !tokens.get(j).is(")")) {
        j++;
      }
      j++;
    }
    return j < tokens.size() && tokens.get(j).is(")") ? j : -1;
  }

  /** PostgreSQL's name for a one-word engine type in a cast, or null for any other type. */
  private static String typeName(String engineType) {
    return switch (engineType.toUpperCase(java.util.Locale.ROOT)) {
      case "NUMERIC", "DECIMAL" -> "numeric";
      case "INTEGER", "INT" -> "integer";
      case "BIGINT" -> "bigint";
      case "SMALLINT" -> "smallint";
      case "REAL" -> "real";
      case "DATE" -> "date";
      default -> null;
    };
  }

  private static Set<String> reservedKeywords() {
    Set<String> reserved = new HashSet<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                PostgresExpressionText.class.getResourceAsStream("pg-keywords.tsv"),
                StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t");
        if (f.length > 1 && !f[1].equals("U")) {
          reserved.add(f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reserved;
  }
}
