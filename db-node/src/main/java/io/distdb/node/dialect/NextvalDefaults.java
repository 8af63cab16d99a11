package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import io.distdb.node.storage.CatalogFunctions;
import java.util.List;

/**
 * A column default {@code nextval('public.s'::regclass)} (pg_dump's spelling, also {@code
 * nextval('s')}) in CREATE TABLE or ALTER TABLE becomes the engine's {@code NEXT VALUE FOR
 * "public"."s"}: the engine evaluates it at each insert, and the row the master logs carries the
 * value. Only sequence objects can be named: the sequence of a serial column is its identity, which
 * another column cannot draw from (0A000).
 */
final class NextvalDefaults {

  private NextvalDefaults() {}

  static boolean mightApply(String lower) {
    return lower.contains("nextval") && (lower.contains("create") || lower.contains("alter"));
  }

  /** The statement with its nextval defaults replaced, or null if it has none. */
  static String rewrite(String sql, List<Token> tokens, Schema schema) throws StatementException {
    if (tokens.size() < 2
        || !(tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER"))
        || !tokens.get(1).isKeyword("TABLE")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SequenceOwnership.Cursor in = new SequenceOwnership.Cursor(tokens, i);
      List<String> name = nextvalArgument(in);
      if (name == null) {
        continue;
      }
      Schema.Sequence s =
          schema.sequence(SequenceOwnership.schemaOf(name), SequenceOwnership.last(name));
      if (s == null) {
        String shown = String.join(".", name);
        if (SequenceOwnership.last(name).endsWith("_seq")) {
          // Most likely a serial column's, which the engine keeps as that column's identity.
          throw new StatementException(
              StatementException.FEATURE_NOT_SUPPORTED,
              "sequence \""
                  + shown
                  + "\" is not a sequence object: in distdb only the serial column that owns it"
                  + " draws from it");
        }
        throw new StatementException("42P01", "relation \"" + shown + "\" does not exist");
      }
      out.append(sql, copied, tokens.get(i).start())
          .append("NEXT VALUE FOR ")
          .append(SequenceOwnership.quote(s.schema()))
          .append('.')
          .append(SequenceOwnership.quote(s.name()));
      copied = tokens.get(in.position() - 1).end();
      i = in.position() - 1;
    }
    return copied == 0 ? null : out.append(sql.substring(copied)).toString();
  }

  /**
   * Reads {@code [pg_catalog.]nextval('name'[::regclass])} at the cursor, leaving it after the
   * closing parenthesis: the name's folded parts, or null (cursor unspecified) if none is there.
   */
  static List<String> nextvalArgument(SequenceOwnership.Cursor in) {
    if (in.accept("pg_catalog")) {
      if (!in.acceptSymbol(".")) {
        return null;
      }
    }
    if (!in.accept("nextval") || !in.acceptSymbol("(")) {
      return null;
    }
    Token literal = in.peek();
    if (literal == null || literal.kind() != TokenKind.STRING) {
      return null;
    }
    in.skip();
    if (in.acceptSymbol("::") && !in.accept("regclass")) {
      return null;
    }
    if (!in.acceptSymbol(")")) {
      return null;
    }
    List<String> parts = CatalogFunctions.identifierParts(literal.value());
    return parts.isEmpty() ? null : parts;
  }
}
