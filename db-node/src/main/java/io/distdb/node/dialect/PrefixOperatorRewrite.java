package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * Text forms JSqlParser cannot parse, rewritten on tokens before it runs: the prefix operators
 * {@code |/ x} (square root) and {@code @ x} (absolute value) become the calls {@code
 * distdb_op_sqrt(x)} / {@code distdb_op_abs(x)}, which {@link BuiltinFunctionRewrite} turns into
 * the engine's {@code SQRT} / {@code ABS} labelled {@code ?column?} as PostgreSQL labels an
 * operator; {@code COLLATE "C"} (and {@code "POSIX"}, {@code "default"}) is dropped, since the
 * engine already compares strings by code point.
 */
final class PrefixOperatorRewrite {

  /** Keywords after which an operator is a prefix one (there is no left operand). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "select",
          "where",
          "and",
          "or",
          "not",
          "then",
          "else",
          "when",
          "on",
          "having",
          "by",
          "returning",
          "set",
          "values",
          "as",
          "in",
          "is",
          "from",
          "between",
          "like",
          "case");

  /**
   * Collations that compare by code point, as the engine does (names as PostgreSQL spells them).
   */
  private static final Set<String> QUOTED_BYTEWISE = Set.of("C", "POSIX", "default", "ucs_basic");

  private PrefixOperatorRewrite() {}

  /** A cheap test on the lower-cased text before lexing it. */
  static boolean mightApply(String lower) {
    return lower.contains("|/") || lower.contains("@") || lower.contains("collate");
  }

  /** The rewritten text, or null if nothing in it needed a rewrite. */
  static String rewrite(String sql, List<Token> tokens) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isKeyword("collate")) {
        int end = collationEnd(tokens, i + 1);
        if (end < 0) {
          continue;
        }
        if (out == null) {
          out = new StringBuilder(sql.length());
        }
        out.append(sql, copied, t.start());
        copied = tokens.get(end).end();
        i = end;
        continue;
      }
      if (t.kind() != TokenKind.OPERATOR
          || !(t.text().equals("|/") || t.text().equals("@"))
          || !prefixPosition(tokens, i)) {
        continue;
      }
      int end = operandEnd(tokens, i + 1);
      if (end < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sql.length());
      }
      String fn = t.text().equals("|/") ? "distdb_op_sqrt" : "distdb_op_abs";
      // Operands are rewritten too (|/ @ -16), so the inner text goes through this again.
      String operand = sql.substring(tokens.get(i + 1).start(), tokens.get(end).end());
      String inner = rewriteAgain(operand);
      out.append(sql, copied, t.start()).append(fn).append('(').append(inner).append(')');
      copied = tokens.get(end).end();
      i = end;
    }
    return out == null ? null : out.append(sql, copied, sql.length()).toString();
  }

  private static String rewriteAgain(String operand) {
    try {
      String again = rewrite(operand, io.distdb.node.sql.SqlLexer.tokenize(operand));
      return again == null ? operand : again;
    } catch (io.distdb.node.sql.StatementException e) {
      return operand;
    }
  }

  /** The index of the collation name's last token, or -1 if it is not a bytewise one. */
  private static int collationEnd(List<Token> tokens, int i) {
    if (i + 2 < tokens.size()
        && tokens.get(i).isKeyword("pg_catalog")
        && tokens.get(i + 1).text().equals(".")) {
      i += 2;
    }
    if (i >= tokens.size()) {
      return -1;
    }
    Token name = tokens.get(i);
    if (name.kind() == TokenKind.QUOTED_IDENTIFIER) {
      return QUOTED_BYTEWISE.contains(name.value()) ? i : -1;
    }
    return name.kind() == TokenKind.IDENTIFIER
            && QUOTED_BYTEWISE.contains(name.text().toLowerCase(java.util.Locale.ROOT))
        ? i
        : -1;
  }

  private static boolean prefixPosition(List<Token> tokens, int i) {
    if (i == 0) {
      return true;
    }
    Token before = tokens.get(i - 1);
    return switch (before.kind()) {
      case OPERATOR -> true;
      case PUNCTUATION -> before.text().equals("(") || before.text().equals(",");
      case IDENTIFIER -> KEYWORDS.contains(before.text().toLowerCase(java.util.Locale.ROOT));
      default -> false;
    };
  }

  /** The index of the operand's last token: [sign] number | name[.name][(...)] | (...); or -1. */
  private static int operandEnd(List<Token> tokens, int i) {
    while (i < tokens.size()
        && tokens.get(i).kind() == TokenKind.OPERATOR
        && (tokens.get(i).text().equals("-")
            || tokens.get(i).text().equals("+")
            || tokens.get(i).text().equals("@")
            || tokens.get(i).text().equals("|/"))) {
      i++;
    }
    if (i >= tokens.size()) {
      return -1;
    }
    Token t = tokens.get(i);
    switch (t.kind()) {
      case NUMBER, PARAMETER, STRING -> {
        return i;
      }
      case IDENTIFIER, QUOTED_IDENTIFIER -> {
        while (i + 2 < tokens.size()
            && tokens.get(i + 1).text().equals(".")
            && (tokens.get(i + 2).kind() == TokenKind.IDENTIFIER
                || tokens.get(i + 2).kind() == TokenKind.QUOTED_IDENTIFIER)) {
          i += 2;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(")) {
          return closing(tokens, i + 1);
        }
        return i;
      }
      case PUNCTUATION -> {
        return t.text().equals("(") ? closing(tokens, i) : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  private static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      String s = tokens.get(j).text();
      if (tokens.get(j).kind() == TokenKind.PUNCTUATION) {
        if (s.equals("(")) {
          depth++;
        } else if (s.equals(")") && --depth == 0) {
          return j;
        }
      }
    }
    return -1;
  }
}
