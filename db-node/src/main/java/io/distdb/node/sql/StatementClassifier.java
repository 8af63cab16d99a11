package io.distdb.node.sql;

import java.util.List;
import java.util.Map;

/**
 * Classifies one statement by its leading keywords, on tokens so that comments and string contents
 * never matter: {@code /* insert *&#47; select 'delete'} is a READ. It does not validate the
 * statement beyond what classification needs; H2 reports the remaining syntax errors.
 */
public final class StatementClassifier {

  /** Command tags of statements distdb only needs to name, keyed by their first keyword. */
  private static final Map<String, String> OTHER_TAGS =
      Map.ofEntries(
          Map.entry("ANALYSE", "ANALYZE"),
          Map.entry("LOCK", "LOCK TABLE"),
          Map.entry("DECLARE", "DECLARE CURSOR"),
          Map.entry("IMPORT", "IMPORT FOREIGN SCHEMA"),
          Map.entry("REASSIGN", "REASSIGN OWNED"));

  private StatementClassifier() {}

  /**
   * Classifies {@code sql}, which holds at most one statement (a trailing semicolon is allowed).
   *
   * @throws StatementException 42601 for unterminated quotes or comments, for several statements,
   *     and for malformed transaction, session and database commands; 42501 or 0A000 for the
   *     storage engine's own features (see {@link EngineFeatureGuard})
   */
  public static Statement classify(String sql) throws StatementException {
    return classify(sql, true);
  }

  /**
   * Classifies engine SQL distdb produced itself (the dialect layer's rewrites use H2 syntax such
   * as delta tables), so the guard that keeps H2's features from clients does not apply.
   */
  static Statement classifyEngineSql(String sql) throws StatementException {
    return classify(sql, false);
  }

  private static Statement classify(String sql, boolean fromClient) throws StatementException {
    List<Token> tokens = withoutTrailingSemicolons(SqlLexer.tokenize(sql));
    if (tokens.isEmpty()) {
      return SimpleStatement.EMPTY;
    }
    for (Token t : tokens) {
      if (t.is(";")) {
        // PostgreSQL's own message for several statements in one Parse message.
        throw StatementException.syntax(
            "cannot insert multiple commands into a prepared statement");
      }
    }
    if (fromClient) {
      // Never reaches the engine as written: its INSERT is checked when the session runs it.
      Statement temp = TempFunctionParser.parse(tokens, sql);
      if (temp != null) {
        return temp;
      }
      EngineFeatureGuard.check(tokens);
    }
    return classify(tokens, sql);
  }

  private static Statement classify(List<Token> tokens, String sql) throws StatementException {
    Token first = tokens.get(0);
    if (QueryAnalyzer.startsQuery(first)) {
      SimpleStatement query = new QueryAnalyzer(tokens).analyze(0, tokens.size());
      if (query != null) {
        return query;
      }
    }
    TokenStream in = new TokenStream(tokens, sql);
    if (first.isKeyword("EXPLAIN")) {
      return explain(tokens);
    }
    if (first.isKeyword("DO")) {
      return DoBlockParser.parse(tokens);
    }
    Statement s = new TransactionParser(in).parse();
    if (s == null) {
      s = new SessionParser(in).parse();
    }
    if (s == null) {
      s = new CursorParser(in).parse();
    }
    if (s == null) {
      s = new DdlClassifier(tokens, in).classify();
    }
    if (s != null) {
      return s;
    }
    return SimpleStatement.of(StatementKind.OTHER, otherTag(tokens));
  }

  /**
   * EXPLAIN reads; EXPLAIN ANALYZE also executes its statement, so explaining a write that way is
   * OTHER: it would change data outside the replication log.
   */
  private static Statement explain(List<Token> tokens) {
    int i = 1;
    boolean analyze = false;
    if (i < tokens.size() && tokens.get(i).is("(")) {
      int close = new QueryAnalyzer(tokens).matchingParen(i, tokens.size());
      for (int j = i + 1; j < close; j++) {
        Token option = tokens.get(j);
        if (option.isKeyword("ANALYZE") || option.isKeyword("ANALYSE")) {
          Token arg = tokens.get(j + 1);
          analyze = !(arg.isKeyword("false") || arg.isKeyword("off") || arg.text().equals("0"));
        }
      }
      i = close + 1;
    } else {
      while (i < tokens.size()
          && (tokens.get(i).isKeyword("ANALYZE")
              || tokens.get(i).isKeyword("ANALYSE")
              || tokens.get(i).isKeyword("VERBOSE"))) {
        analyze |= !tokens.get(i).isKeyword("VERBOSE");
        i++;
      }
    }
    SimpleStatement inner = new QueryAnalyzer(tokens).analyze(i, tokens.size());
    boolean writes = inner == null || inner.kind() != StatementKind.READ;
    StatementKind kind = analyze && writes ? StatementKind.OTHER : StatementKind.READ;
    return new SimpleStatement(kind, "EXPLAIN", true, false);
  }

  private static String otherTag(List<Token> tokens) {
    Token first = tokens.get(0);
    String word = first.upper();
    if (word.equals("CLOSE")) {
      return tokens.size() > 1 && tokens.get(1).isKeyword("ALL")
          ? "CLOSE CURSOR ALL"
          : "CLOSE CURSOR";
    }
    return OTHER_TAGS.getOrDefault(word, word);
  }

  private static List<Token> withoutTrailingSemicolons(List<Token> tokens) {
    int end = tokens.size();
    while (end > 0 && tokens.get(end - 1).is(";")) {
      end--;
    }
    return tokens.subList(0, end);
  }
}
