package io.distdb.node.service;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.Arrays;
import java.util.List;

/**
 * A parameter the client did not type that stands alone in {@code = ANY($1)} ({@code ALL}, {@code
 * SOME}) is an array in PostgreSQL: node-postgres sends a JavaScript array, psycopg 3 a Python list
 * (pgcli's and pgspecial's {@code relkind = ANY(%s)}), each as the array's text ({@code {r,p}})
 * typed unknown. The engine infers a character string there and compared the element with the whole
 * text (no row matched). Such a parameter is typed text[], so that {@link ArrayParameters} reads
 * its elements; the engine converts them to the compared value's type as PostgreSQL does.
 */
final class QuantifiedParameters {

  private QuantifiedParameters() {}

  /**
   * {@code declared} (possibly shorter than {@code count}, 0 or unknown for "infer it") with the
   * parameters that are an ANY / ALL / SOME operand typed text[]; null when that adds nothing.
   */
  static int[] declared(String sql, int[] declared, int count) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    if (count == 0 || !(lower.contains("any") || lower.contains("all") || lower.contains("some"))) {
      return null;
    }
    List<Token> tokens;
    try {
      tokens = SqlLexer.tokenize(sql);
    } catch (StatementException e) {
      return null; // the statement's own preparation reports it
    }
    int[] out = null;
    for (int i = 0; i + 3 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!(t.isKeyword("ANY") || t.isKeyword("ALL") || t.isKeyword("SOME"))
          || !tokens.get(i + 1).is("(")
          || tokens.get(i + 2).kind() != TokenKind.PARAMETER
          || !tokens.get(i + 3).is(")")) {
        continue;
      }
      int n;
      try {
        n = Integer.parseInt(tokens.get(i + 2).text().substring(1)) - 1;
      } catch (NumberFormatException e) {
        continue;
      }
      int known = declared == null ? 0 : declared.length;
      if (n < 0 || n >= count || n < known && !untyped(declared[n])) {
        continue;
      }
      if (out == null) {
        out = declared == null ? new int[count] : Arrays.copyOf(declared, count);
      }
      out[n] = PgType.TEXT_ARRAY.oid();
    }
    return out;
  }

  private static boolean untyped(int oid) {
    return oid == 0 || oid == PgType.UNKNOWN.oid();
  }
}
