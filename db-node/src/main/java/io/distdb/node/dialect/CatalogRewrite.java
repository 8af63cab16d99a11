package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import io.distdb.node.storage.CatalogViews;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Points catalog names H2's {@code pg_catalog} answers incompletely at distdb's views ({@link
 * CatalogViews}), and turns the catalog functions and forms H2 lacks into expressions it has:
 *
 * <ul>
 *   <li>{@code pg_catalog.pg_attribute}, {@code pg_attrdef}, {@code pg_constraint}, {@code
 *       pg_namespace}, {@code pg_settings}, {@code pg_type} (qualified, or unqualified after FROM /
 *       JOIN: PostgreSQL searches pg_catalog first) → {@code distdb_catalog.*};
 *   <li>{@code pg_get_keywords()} → the view {@code distdb_catalog.pg_get_keywords};
 *   <li>{@code current_database()} → the database's name (H2 would answer its file's name);
 *   <li>{@code current_schemas(true|false)} → {@code ARRAY['pg_catalog', CURRENT_SCHEMA]} or {@code
 *       ARRAY[CURRENT_SCHEMA]};
 *   <li>{@code pg_get_expr(col, rel)} → {@code (col)}: distdb's views hold expressions as text;
 *   <li>{@code ANY ('{a,b}')} / {@code ALL ('{a,b}')} → {@code ANY (ARRAY['a', 'b'])};
 *   <li>{@code 'pg_catalog.f'::regproc} → {@code 'f'} (H2 has no regproc; names compare as text);
 *   <li>{@code information_schema._pg_expandarray} in a select list: {@link ExpandArrayRewrite}.
 * </ul>
 *
 * Works on tokens, before JSqlParser, because the drivers' catalog queries use constructs
 * JSqlParser does not parse; the other rewrites still run on the result.
 */
final class CatalogRewrite {

  private static final Set<String> RELATIONS =
      Set.of(
          "pg_attribute",
          "pg_attrdef",
          "pg_constraint",
          "pg_depend",
          "pg_namespace",
          "pg_settings",
          "pg_type");

  /** True if {@code lower} (the statement in lower case) may hold a form this rewrite maps. */
  static boolean mightApply(String lower) {
    return lower.contains("pg_")
        || lower.contains("current_schemas")
        || lower.contains("current_database")
        || lower.contains("'{");
  }

  /** The statement with every mapped form replaced, or null if it has none. */
  String rewrite(String clientSql, List<Token> clientTokens) throws StatementException {
    String expanded = ExpandArrayRewrite.rewrite(clientSql);
    String sql = expanded == null ? clientSql : expanded;
    List<Token> tokens = expanded == null ? clientTokens : SqlLexer.tokenize(sql);
    String rewritten = rewriteSpan(sql, tokens, 0, tokens.size(), 0, sql.length());
    return rewritten.equals(clientSql) ? null : rewritten;
  }

  /** Characters [start, end) of the statement, tokens [first, last) of it rewritten. */
  private static String rewriteSpan(
      String sql, List<Token> tokens, int first, int last, int start, int end) {
    StringBuilder out = new StringBuilder();
    int copied = start;
    for (int i = first; i < last; i++) {
      Replacement r = replacement(sql, tokens, i);
      if (r != null && r.from() >= copied && r.lastToken() < last) {
        out.append(sql, copied, r.from()).append(r.text());
        copied = r.to();
        i = r.lastToken();
      }
    }
    return out.append(sql, copied, end).toString();
  }

  /** Text replacing characters [from, to) of the statement, ending at token {@code lastToken}. */
  private record Replacement(int from, int to, int lastToken, String text) {}

  private static Replacement replacement(String sql, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.kind() == TokenKind.STRING) {
      return literal(tokens, i);
    }
    if (!t.isName()) {
      return null;
    }
    boolean qualified = isCatalogQualified(tokens, i);
    if (!qualified && i > 0 && tokens.get(i - 1).is(".")) {
      return null;
    }
    int from = qualified ? tokens.get(i - 2).start() : t.start();
    String name = t.value().toLowerCase(Locale.ROOT);
    if (RELATIONS.contains(name)
        && !isCall(tokens, i)
        && (qualified || afterFromOrJoin(tokens, i))) {
      return new Replacement(from, t.end(), i, CatalogViews.SCHEMA + "." + name);
    }
    if (!isCall(tokens, i)) {
      return null;
    }
    int close = closingParen(tokens, i + 1);
    if (close < 0) {
      return null;
    }
    int end = tokens.get(close).end();
    switch (name) {
      case "pg_get_keywords":
        return close == i + 2
            ? new Replacement(from, end, close, CatalogViews.SCHEMA + ".pg_get_keywords")
            : null;
      case "current_database":
        return close == i + 2
            ? new Replacement(
                from,
                end,
                close,
                "(SELECT datname FROM " + CatalogViews.SCHEMA + ".current_database)")
            : null;
      case "current_schemas":
        if (close != i + 3) {
          return null;
        }
        boolean implicit = tokens.get(i + 2).isKeyword("true");
        return new Replacement(
            from,
            end,
            close,
            implicit ? "(ARRAY['pg_catalog', CURRENT_SCHEMA])" : "(ARRAY[CURRENT_SCHEMA])");
      case "pg_get_expr":
        return expressionText(tokens, i, from, close);
      case "array_upper":
        // array_upper(a, 1) of a one-dimensional array is its length; H2 names that CARDINALITY.
        if (close - 2 <= i + 2
            || !tokens.get(close - 2).is(",")
            || !tokens.get(close - 1).text().equals("1")) {
          return null;
        }
        return new Replacement(
            from,
            end,
            close,
            "CARDINALITY("
                + rewriteSpan(
                    sql,
                    tokens,
                    i + 2,
                    close - 2,
                    tokens.get(i + 2).start(),
                    tokens.get(close - 2).start())
                + ")");
      default:
        return null;
    }
  }

  /** {@code pg_get_expr(a.b, ...)} → {@code (a.b)} for a plain column reference. */
  private static Replacement expressionText(List<Token> tokens, int i, int from, int close) {
    int j = i + 2;
    StringBuilder column = new StringBuilder();
    while (j < close && !tokens.get(j).is(",")) {
      Token a = tokens.get(j);
      if (!a.isName() && !a.is(".")) {
        return null;
      }
      column.append(a.text());
      j++;
    }
    if (column.isEmpty()) {
      return null;
    }
    return new Replacement(from, tokens.get(close).end(), close, "(" + column + ")");
  }

  private static Replacement literal(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (i + 2 < tokens.size()
        && tokens.get(i + 1).is("::")
        && tokens.get(i + 2).isKeyword("regproc")) {
      String name = t.value();
      if (name.startsWith("pg_catalog.")) {
        name = name.substring("pg_catalog.".length());
      }
      return new Replacement(t.start(), tokens.get(i + 2).end(), i + 2, quote(name));
    }
    String v = t.value();
    if (!v.startsWith("{") || !v.endsWith("}") || v.indexOf('\\') >= 0 || v.indexOf('{', 1) >= 0) {
      return null;
    }
    int last = arrayCast(tokens, i);
    boolean quantified =
        i >= 2
            && tokens.get(i - 1).is("(")
            && (tokens.get(i - 2).isKeyword("ANY") || tokens.get(i - 2).isKeyword("ALL"))
            && last + 1 < tokens.size()
            && tokens.get(last + 1).is(")");
    if (last == i && !quantified) {
      return null;
    }
    String array = arrayConstructor(v.substring(1, v.length() - 1));
    return array == null ? null : new Replacement(t.start(), tokens.get(last).end(), last, array);
  }

  /**
   * {@code ARRAY[...]} for the body of a one-dimensional array literal whose elements hold no
   * comma, quote or backslash (a quoted element is taken as is, an unquoted NULL is null), or null.
   */
  private static String arrayConstructor(String body) {
    StringBuilder array = new StringBuilder("ARRAY[");
    if (!body.isEmpty()) {
      String[] elements = body.split(",", -1);
      for (int k = 0; k < elements.length; k++) {
        String e = elements[k].strip();
        String sql;
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
          sql = quote(e.substring(1, e.length() - 1));
        } else if (e.equalsIgnoreCase("null")) {
          sql = "NULL";
        } else {
          sql = quote(e);
        }
        if (sql.indexOf('"') >= 0) {
          return null;
        }
        array.append(k == 0 ? "" : ", ").append(sql);
      }
    }
    return array.append(']').toString();
  }

  /** The last token of {@code ::type[]} after token i, or i if no array cast follows. */
  private static int arrayCast(List<Token> tokens, int i) {
    if (i + 4 < tokens.size()
        && tokens.get(i + 1).is("::")
        && tokens.get(i + 2).isKeyword("text")
        && tokens.get(i + 3).is("[")
        && tokens.get(i + 4).is("]")) {
      return i + 4;
    }
    return i;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  static int closingParen(List<Token> tokens, int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (tokens.get(j).is("(")) {
        depth++;
      } else if (tokens.get(j).is(")") && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private static boolean isCatalogQualified(List<Token> tokens, int i) {
    return i >= 2
        && tokens.get(i - 1).is(".")
        && tokens.get(i - 2).isName()
        && tokens.get(i - 2).value().equalsIgnoreCase("pg_catalog")
        && !(i >= 3 && tokens.get(i - 3).is("."));
  }

  private static boolean afterFromOrJoin(List<Token> tokens, int i) {
    return i > 0 && (tokens.get(i - 1).isKeyword("FROM") || tokens.get(i - 1).isKeyword("JOIN"));
  }

  private static boolean isCall(List<Token> tokens, int i) {
    return i + 1 < tokens.size() && tokens.get(i + 1).is("(");
  }
}
