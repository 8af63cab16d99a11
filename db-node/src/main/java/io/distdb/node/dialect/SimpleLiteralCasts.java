package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The casts pgjdbc's simple query mode writes around every bound value ({@code ('42'::int8)},
 * {@code ('t'::boolean)}). In a write they mean in H2 exactly what they mean in PostgreSQL, so they
 * alone must not send the statement through the parser and every rewrite: they did, and an INSERT
 * that H2 runs as written cost 1.4 ms of translation instead of 35 µs, with a new text (new values)
 * each time, so the cache never helped (docs/benchmarks.md, "Mixed load in sync mode").
 *
 * <p>Only writes without RETURNING: in a query's select list such a cast also names the column,
 * which is the rewrites' business.
 */
final class SimpleLiteralCasts {

  /**
   * Types whose name and text input H2 reads as PostgreSQL does. Not the float types: their
   * arithmetic overflows differently in the engine, which a rewrite corrects.
   */
  private static final Set<String> TYPES =
      Set.of(
          "int2",
          "int4",
          "int8",
          "smallint",
          "integer",
          "int",
          "bigint",
          "boolean",
          "bool",
          "uuid");

  private SimpleLiteralCasts() {}

  /**
   * {@code lower} with every such cast's {@code ::type} cut out, for deciding whether a rewrite
   * might apply; {@code lower} itself when the statement is not a plain write or has none.
   */
  static String withoutCasts(String sql, String lower) throws StatementException {
    // Token offsets index sql: only usable on lower when lowering kept every offset.
    if (!lower.contains("::") || lower.length() != sql.length() || !isPlainWrite(lower)) {
      return lower;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 1; i + 1 < tokens.size(); i++) {
      int end = castEnd(tokens, i);
      if (end < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(lower.length());
      }
      out.append(lower, copied, tokens.get(i).start());
      copied = tokens.get(end).end();
      i = end;
    }
    if (out == null) {
      return lower;
    }
    return out.append(lower, copied, lower.length()).toString();
  }

  private static boolean isPlainWrite(String lower) {
    String head = lower.stripLeading();
    return (head.startsWith("insert") || head.startsWith("update") || head.startsWith("delete"))
        && !lower.contains("returning");
  }

  /**
   * If tokens[i] is the {@code ::} of a plain string literal's cast to one of TYPES: its last
   * token.
   */
  private static int castEnd(List<Token> tokens, int i) {
    Token cast = tokens.get(i);
    Token literal = tokens.get(i - 1);
    if (!cast.is("::") || literal.kind() != TokenKind.STRING || !literal.text().startsWith("'")) {
      return -1;
    }
    Token type = tokens.get(i + 1);
    if (type.kind() != TokenKind.IDENTIFIER) {
      return -1;
    }
    int last = i + 1;
    if (!TYPES.contains(type.text().toLowerCase(Locale.ROOT))) {
      return -1;
    }
    // An array type, a qualified name or a type with a modifier is not the plain cast.
    if (last + 1 < tokens.size()) {
      Token next = tokens.get(last + 1);
      if (next.is("[") || next.is("(") || next.is(".")) {
        return -1;
      }
    }
    return last;
  }
}
