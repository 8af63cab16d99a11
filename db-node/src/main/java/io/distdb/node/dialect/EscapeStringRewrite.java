package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.List;

/**
 * PostgreSQL's escape strings {@code E'tab\there'} become standard literals holding the decoded
 * text ({@code 'tab<TAB>here'}): H2 reads {@code E'...'} without decoding its backslashes, so the
 * value would differ. Drivers send them (psycopg2 quotes a backslash that way, pg_dump writes them)
 * and so does PostgreSQL's documentation.
 */
final class EscapeStringRewrite {

  /** A cheap test on the lower-cased text before lexing it. */
  static boolean mightApply(String lower) {
    return lower.contains("e'");
  }

  /** The text with every escape string rewritten, or null if it has none. */
  static String rewrite(String sql, List<Token> tokens) {
    StringBuilder out = null;
    int copied = 0;
    for (Token t : tokens) {
      if (t.kind() != TokenKind.STRING
          || t.text().length() < 2
          || (t.text().charAt(0) != 'e' && t.text().charAt(0) != 'E')) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sql.length());
      }
      out.append(sql, copied, t.start())
          .append('\'')
          .append(t.value().replace("'", "''"))
          .append('\'');
      copied = t.end();
    }
    return out == null ? null : out.append(sql, copied, sql.length()).toString();
  }
}
