package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import io.distdb.node.storage.CatalogFunctions;
import io.distdb.node.storage.CatalogViews;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The casts to PostgreSQL's catalog types that pg_dump and psql write in catalog queries, and the
 * qualified calls, as text before {@link CatalogRewrite} reads the statement:
 *
 * <ul>
 *   <li>{@code pg_catalog.f(...)} → {@code f(...)}: H2 resolves its built-in functions unqualified,
 *       and CatalogRewrite maps distdb's own by their bare name;
 *   <li>{@code ::pg_catalog.t} → {@code ::t} (H2 knows no types in a schema of that name);
 *   <li>{@code ::"char"} → {@code ::VARCHAR(1)} (the catalog's one-letter codes are strings here);
 *   <li>{@code column::regtype::text} → {@code format_type(column, NULL)}, the type's name;
 *   <li>{@code column::regtype[]} → the types' names ({@code d_regtype_names(column)});
 *   <li>{@code column::regproc}, {@code column::oid}, {@code expr::regtype}: dropped, the catalog
 *       views hold names and OIDs as such already (a string's {@code ::regproc} and {@code
 *       ::regclass} stay for CatalogRewrite);
 *   <li>{@code 'name'::regnamespace} → the namespace's OID;
 *   <li>{@code typname[0]} (a name's first character) → {@code SUBSTRING(typname, 1, 1)};
 *   <li>{@code '{1,2}'::oid[]} → {@code ARRAY[1, 2]}, {@code '42'::oid} → {@code 42}.
 * </ul>
 */
final class CatalogCasts {

  /**
   * {@code 'name'::regproc} ends at token {@code i - 1}: CatalogRewrite makes its ::oid a lookup.
   */
  private static boolean isStringRegproc(List<Token> tokens, int i) {
    if (i < 3 || !tokens.get(i - 1).isKeyword("regproc")) {
      return false;
    }
    int j = i - 2;
    if (j >= 3 && tokens.get(j).is(".") && tokens.get(j - 1).isName()) {
      j -= 2; // 'f'::pg_catalog.regproc
    }
    return tokens.get(j).is("::") && tokens.get(j - 1).kind() == TokenKind.STRING;
  }

  /** Catalog columns of type name that clients subscript ({@code typname[0] = '_'}). */
  private static final Set<String> NAME_COLUMNS = Set.of("typname", "relname", "proname");

  /** Catalog columns of type oid that clients aggregate into arrays. */
  private static final Set<String> OID_COLUMNS =
      Set.of("atttypid", "attrelid", "typelem", "typbasetype", "typrelid", "reltype", "oid");

  /** What service.JdbcTypes reads as oid[] on an INTEGER ARRAY (keep the two equal). */
  static final int OID_ARRAY_CARDINALITY = 65_535;

  private static final Set<String> DROPPED = Set.of("regproc", "oid", "regtype", "regprocedure");

  private CatalogCasts() {}

  /** The type name at {@code i}, or the name after {@code pg_catalog.} when it is qualified. */
  private static Token lastName(List<Token> tokens, int i) {
    return i + 2 < tokens.size()
            && tokens.get(i).isKeyword("pg_catalog")
            && tokens.get(i + 1).is(".")
        ? tokens.get(i + 2)
        : tokens.get(i);
  }

  /** The statement with every such cast replaced, or null if it has none. */
  static String rewrite(String sql) throws StatementException {
    String casts = casts(sql);
    String recursive = recursiveColumns(casts == null ? sql : casts);
    return recursive != null ? recursive : casts;
  }

  /**
   * {@code WITH RECURSIVE w AS (SELECT a.x, b.y AS z FROM ...)} → {@code WITH RECURSIVE w(x, z) AS
   * (...)}: H2 needs a recursive query's column names, which PostgreSQL takes from its first
   * SELECT's labels (pg_dump's query of views' dependencies).
   */
  static String recursiveColumns(String sql) throws StatementException {
    if (!sql.regionMatches(true, 0, "WITH RECURSIVE", 0, 14)) {
      return null;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    if (tokens.size() < 7
        || !tokens.get(2).isName()
        || !tokens.get(3).isKeyword("AS")
        || !tokens.get(4).is("(")
        || !tokens.get(5).isKeyword("SELECT")) {
      return null;
    }
    List<String> labels = new java.util.ArrayList<>();
    int depth = 0;
    String label = null;
    for (int i = 6; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.isKeyword("FROM"))) {
        if (label == null) {
          return null;
        }
        labels.add(label);
        label = null;
        if (t.isKeyword("FROM")) {
          String columns = "(" + String.join(", ", labels) + ")";
          return sql.substring(0, tokens.get(2).end())
              + columns
              + sql.substring(tokens.get(2).end());
        }
        continue;
      }
      if (depth == 0 && t.isName()) {
        label = t.text();
      }
    }
    return null;
  }

  /**
   * {@code array_agg(x.atttypid ...)} in a catalog query → {@code CAST(array_agg(...) AS INTEGER
   * ARRAY[65535])}: an array of catalog OIDs is oid[] in PostgreSQL (asyncpg decodes oid[] itself,
   * int4[] only after introspecting it), and that cardinality marks the engine's array as such. On
   * the engine's text, after the parse (JSqlParser does not read the cardinality); null if nothing
   * changed.
   */
  static String oidArrays(String engineSql) throws StatementException {
    if (!engineSql.contains(CatalogViews.SCHEMA + ".")
        || !engineSql.toLowerCase(Locale.ROOT).contains("array_agg")) {
      return null;
    }
    List<Token> tokens = SqlLexer.tokenize(engineSql);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int end = oidArrayAggregateEnd(tokens, i);
      if (end > 0 && tokens.get(i).start() >= copied) {
        out.append(engineSql, copied, tokens.get(i).start())
            .append("CAST(")
            .append(engineSql, tokens.get(i).start(), tokens.get(end).end())
            .append(" AS INTEGER ARRAY[")
            .append(OID_ARRAY_CARDINALITY)
            .append("])");
        copied = tokens.get(end).end();
      }
    }
    return copied == 0 ? null : out.append(engineSql.substring(copied)).toString();
  }

  /**
   * The last token of {@code array_agg(x.col ...)} starting at token {@code i}, where col is a
   * catalog OID column, else -1.
   */
  private static int oidArrayAggregateEnd(List<Token> tokens, int i) {
    if (!tokens.get(i).isName()
        || !tokens.get(i).value().equalsIgnoreCase("array_agg")
        || i + 2 >= tokens.size()
        || !tokens.get(i + 1).is("(")) {
      return -1;
    }
    int column = i + 2;
    if (column + 2 < tokens.size() && tokens.get(column + 1).is(".")) {
      column += 2;
    }
    if (!tokens.get(column).isName()
        || !OID_COLUMNS.contains(tokens.get(column).value().toLowerCase(Locale.ROOT))) {
      return -1;
    }
    int depth = 0;
    for (int k = i + 1; k < tokens.size(); k++) {
      if (tokens.get(k).is("(")) {
        depth++;
      } else if (tokens.get(k).is(")") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /** The type name at {@code type} is followed by {@code ::text} or {@code ::varchar}. */
  /** The index of the "(" that the ")" at {@code close} closes, or -1. */
  private static int openingParen(List<Token> tokens, int close) {
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      if (tokens.get(k).is(")")) {
        depth++;
      } else if (tokens.get(k).is("(") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static boolean castToText(List<Token> tokens, int type) {
    return type + 2 < tokens.size()
        && tokens.get(type + 1).is("::")
        && (tokens.get(type + 2).isKeyword("text") || tokens.get(type + 2).isKeyword("varchar"));
  }

  private static String casts(String sql) throws StatementException {
    if (!sql.contains("::") && !sql.contains("[") && !sql.contains("pg_catalog.")) {
      return null;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    boolean changed = false;
    for (int i = 1; i + 1 < tokens.size(); i++) {
      if (i + 2 < tokens.size()
          && tokens.get(i).is("[")
          && tokens.get(i - 1).isName()
          && NAME_COLUMNS.contains(tokens.get(i - 1).value().toLowerCase(Locale.ROOT))
          && tokens.get(i + 1).kind() == TokenKind.NUMBER
          && tokens.get(i + 1).text().matches("\\d{1,2}")
          && tokens.get(i + 2).is("]")) {
        // A name is subscripted by character, from 0.
        Token column = tokens.get(i - 1);
        out.append(sql, copied, column.start())
            .append("SUBSTRING(")
            .append(column.text())
            .append(", ")
            .append(Integer.parseInt(tokens.get(i + 1).text()) + 1)
            .append(", 1)");
        copied = tokens.get(i + 2).end();
        changed = true;
        continue;
      }
      if (tokens.get(i).is(".")
          && tokens.get(i - 1).isKeyword("pg_catalog")
          && tokens.get(i + 1).isName()
          && i + 2 < tokens.size()
          && tokens.get(i + 2).is("(")
          && !(i >= 2 && tokens.get(i - 2).is("::"))
          && tokens.get(i - 1).start() >= copied) {
        // pg_catalog.f(...): H2 finds its built-in functions unqualified only.
        out.append(sql, copied, tokens.get(i - 1).start());
        copied = tokens.get(i + 1).start();
        changed = true;
        continue;
      }
      if (!tokens.get(i).is("::")) {
        continue;
      }
      Token operand = tokens.get(i - 1);
      int type = i + 1;
      boolean qualified =
          type + 2 < tokens.size()
              && tokens.get(type).isKeyword("pg_catalog")
              && tokens.get(type + 1).is(".")
              && tokens.get(type + 2).isName();
      if (qualified) {
        type += 2;
      }
      Token name = tokens.get(type);
      String lower = name.value().toLowerCase(Locale.ROOT);
      boolean array =
          type + 2 < tokens.size() && tokens.get(type + 1).is("[") && tokens.get(type + 2).is("]");
      int from = tokens.get(i + 1).start();
      int to = tokens.get(type).start();
      String replacement = qualified ? "" : null;
      if (name.kind() == TokenKind.QUOTED_IDENTIFIER && lower.equals("char") && !array) {
        to = name.end();
        replacement = "VARCHAR(1)";
      } else if (operand.kind() == TokenKind.STRING && lower.equals("regnamespace")) {
        from = operand.start();
        to = name.end();
        replacement =
            "(SELECT oid FROM "
                + CatalogViews.SCHEMA
                + ".pg_namespace WHERE nspname = '"
                + operand.value().replace("'", "''")
                + "')";
      } else if (operand.isName() && lower.equals("regnamespace") && !array) {
        // column::regnamespace::text → the namespace's name (psql's \d lists statistics
        // objects so); column::regnamespace alone → the OID it holds.
        int start = i - 1;
        while (start >= 2 && tokens.get(start - 1).is(".") && tokens.get(start - 2).isName()) {
          start -= 2;
        }
        boolean asText =
            type + 2 < tokens.size()
                && tokens.get(type + 1).is("::")
                && Set.of("text", "name", "varchar")
                    .contains(lastName(tokens, type + 2).value().toLowerCase(Locale.ROOT));
        if (asText) {
          from = tokens.get(start).start();
          to = lastName(tokens, type + 2).end();
          replacement =
              "(SELECT nspname FROM "
                  + CatalogViews.SCHEMA
                  + ".pg_namespace WHERE oid = "
                  + sql.substring(from, operand.end())
                  + ")";
        } else {
          from = tokens.get(i).start();
          to = name.end();
          replacement = "";
        }
      } else if (operand.kind() == TokenKind.STRING && lower.equals("oid") && array) {
        String v = operand.value();
        if (v.matches("\\{\\s*\\d+(\\s*,\\s*\\d+)*\\s*}|\\{\\s*}")) {
          from = operand.start();
          to = tokens.get(type + 2).end();
          String body = v.substring(1, v.length() - 1).replaceAll("\\s", "");
          replacement =
              body.isEmpty()
                  ? "CAST(ARRAY[] AS INT ARRAY)"
                  : "ARRAY[" + String.join(", ", body.split(",")) + "]";
        }
      } else if (operand.kind() == TokenKind.STRING
          && lower.equals("oid")
          && !array
          && operand.value().matches("\\d{1,10}")) {
        from = operand.start();
        to = name.end();
        replacement = operand.value();
      } else if (lower.equals("regtype")
          && !array
          && operand.isName()
          && castToText(tokens, type)) {
        // x::regtype::text is the type's name (asyncpg's type introspection reads it so).
        int first = i - 1;
        if (first >= 2 && tokens.get(first - 1).is(".") && tokens.get(first - 2).isName()) {
          first -= 2;
        }
        from = tokens.get(first).start();
        to = tokens.get(type + 2).end();
        replacement = "format_type(" + sql.substring(from, operand.end()) + ", NULL)";
      } else if (lower.equals("regtype") && !array && operand.kind() == TokenKind.STRING) {
        // 'trigger'::regtype (pgcli's function list compares prorettype::regtype with it): the
        // type's OID, or its name again when cast on to text.
        from = operand.start();
        String oid =
            CatalogViews.SCHEMA
                + "."
                + CatalogFunctions.PREFIX
                + "regtype_oid("
                + sql.substring(operand.start(), operand.end())
                + ")";
        if (castToText(tokens, type)) {
          to = tokens.get(type + 2).end();
          replacement = "format_type(" + oid + ", NULL)";
        } else {
          to = name.end();
          replacement = oid;
        }
      } else if (lower.equals("regtype") && array && operand.isName()) {
        // proargtypes::regtype[] (pgcli's and pgspecial's function lists): the types' names, which
        // is what a regtype[] prints and what its ::text[] holds.
        int first = i - 1;
        if (first >= 2 && tokens.get(first - 1).is(".") && tokens.get(first - 2).isName()) {
          first -= 2;
        }
        from = tokens.get(first).start();
        to = tokens.get(type + 2).end();
        replacement =
            CatalogViews.SCHEMA
                + "."
                + CatalogFunctions.PREFIX
                + "regtype_names("
                + sql.substring(from, operand.end())
                + ")";
      } else if (lower.equals("regtype")
          && !array
          && operand.is(")")
          && castToText(tokens, type)
          && openingParen(tokens, i - 1) >= 0) {
        // ('"' || udt_schema || '"."' || udt_name || '"')::regtype::text (TypeORM): the name
        // the type's output function prints for the type the text names.
        from = tokens.get(openingParen(tokens, i - 1)).start();
        to = tokens.get(type + 2).end();
        replacement =
            "format_type("
                + CatalogViews.SCHEMA
                + "."
                + CatalogFunctions.PREFIX
                + "regtype_oid"
                + sql.substring(from, operand.end())
                + ", NULL)";
      } else if (operand.kind() != TokenKind.STRING
          && DROPPED.contains(lower)
          && !array
          && !(lower.equals("oid") && isStringRegproc(tokens, i))) {
        from = tokens.get(i).start();
        to = name.end();
        replacement = "";
      }
      if (replacement == null || from < copied) {
        continue;
      }
      out.append(sql, copied, from).append(replacement);
      copied = to;
      changed = true;
    }
    if (!changed) {
      return null;
    }
    return out.append(sql.substring(copied)).toString();
  }
}
