package io.distdb.node.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code DO [LANGUAGE plpgsql] 'body' [LANGUAGE plpgsql]} (the body quoted or dollar-quoted)
 * into a {@link DoBlock} where the body is {@code BEGIN statement [;] [EXCEPTION WHEN condition [OR
 * condition ...] THEN NULL [;]] END [;]} and the statement is one schema change; anything else
 * PL/pgSQL would run is 0A000, naming the shape distdb runs.
 */
final class DoBlockParser {

  /** PL/pgSQL's condition names for what a schema change can fail with, and their SQLSTATEs. */
  private static final Map<String, String> CONDITIONS =
      Map.ofEntries(
          Map.entry("duplicate_object", "42710"),
          Map.entry("duplicate_table", "42P07"),
          Map.entry("duplicate_column", "42701"),
          Map.entry("duplicate_schema", "42P06"),
          Map.entry("duplicate_function", "42723"),
          Map.entry("undefined_object", "42704"),
          Map.entry("undefined_table", "42P01"),
          Map.entry("undefined_column", "42703"),
          Map.entry("invalid_table_definition", "42P16"));

  private DoBlockParser() {}

  /** The block in {@code tokens} (starting with DO), or null if the statement is no DO. */
  static DoBlock parse(List<Token> tokens) throws StatementException {
    if (tokens.isEmpty() || !tokens.get(0).isKeyword("DO")) {
      return null;
    }
    Token body = null;
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isKeyword("LANGUAGE") && i + 1 < tokens.size()) {
        String language = tokens.get(++i).value();
        if (language == null || !language.equalsIgnoreCase("plpgsql")) {
          throw refused("DO blocks in language " + tokens.get(i).text() + " are not supported");
        }
      } else if (body == null
          && (t.kind() == TokenKind.STRING || t.kind() == TokenKind.DOLLAR_STRING)) {
        body = t;
      } else {
        throw StatementException.syntax("syntax error at or near \"" + t.text() + "\"");
      }
    }
    if (body == null) {
      throw new StatementException("42601", "no inline code specified");
    }
    return body(body.value());
  }

  private static DoBlock body(String code) throws StatementException {
    List<Token> tokens = SqlLexer.tokenize(code);
    int n = tokens.size();
    while (n > 0 && tokens.get(n - 1).is(";")) {
      n--;
    }
    if (n == 2 && tokens.get(0).isKeyword("BEGIN") && tokens.get(1).isKeyword("END")) {
      return new DoBlock("", Set.of()); // an empty block does nothing
    }
    if (n < 3 || !tokens.get(0).isKeyword("BEGIN") || !tokens.get(n - 1).isKeyword("END")) {
      throw unsupportedBody();
    }
    int statementEnd = n - 1;
    Set<String> ignored = new HashSet<>();
    int exception = indexOfKeyword(tokens, "EXCEPTION", 1, n - 1);
    if (exception >= 0) {
      statementEnd = exception;
      handler(tokens.subList(exception + 1, n - 1), ignored);
    }
    int last = statementEnd - 1;
    if (last >= 1 && tokens.get(last).is(";")) {
      last--;
    }
    if (last < 1) {
      throw unsupportedBody();
    }
    for (int i = 1; i <= last; i++) {
      if (tokens.get(i).is(";")) {
        throw unsupportedBody(); // more than one statement: PL/pgSQL control flow in general
      }
    }
    String statement = code.substring(tokens.get(1).start(), tokens.get(last).end());
    Statement inner = StatementClassifier.classify(statement);
    if (inner.kind() != StatementKind.DDL) {
      throw unsupportedBody();
    }
    return new DoBlock(statement, Set.copyOf(ignored));
  }

  /** {@code WHEN condition [OR condition ...] THEN NULL [;]}, the handler's conditions added. */
  private static void handler(List<Token> tokens, Set<String> ignored) throws StatementException {
    int i = 0;
    if (tokens.isEmpty() || !tokens.get(i++).isKeyword("WHEN")) {
      throw unsupportedBody();
    }
    while (true) {
      if (i >= tokens.size()) {
        throw unsupportedBody();
      }
      String state = CONDITIONS.get(tokens.get(i++).text().toLowerCase(java.util.Locale.ROOT));
      if (state == null) {
        throw unsupportedBody();
      }
      ignored.add(state);
      if (i < tokens.size() && tokens.get(i).isKeyword("OR")) {
        i++;
        continue;
      }
      break;
    }
    if (i + 1 >= tokens.size()
        || !tokens.get(i).isKeyword("THEN")
        || !tokens.get(i + 1).isKeyword("NULL")) {
      throw unsupportedBody();
    }
    i += 2;
    if (i < tokens.size() && tokens.get(i).is(";")) {
      i++;
    }
    if (i != tokens.size()) {
      throw unsupportedBody();
    }
  }

  private static int indexOfKeyword(List<Token> tokens, String keyword, int from, int to) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).isKeyword(keyword)) {
        return i;
      }
    }
    return -1;
  }

  private static StatementException unsupportedBody() {
    return refused(
        "DO blocks are supported only in the form BEGIN <one schema change>;"
            + " [EXCEPTION WHEN <condition> THEN NULL;] END (distdb has no PL/pgSQL)");
  }

  private static StatementException refused(String message) {
    return new StatementException(StatementException.FEATURE_NOT_SUPPORTED, message);
  }
}
