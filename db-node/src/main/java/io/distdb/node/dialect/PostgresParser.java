package io.distdb.node.dialect;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser, called on the caller's thread. {@code CCJSqlParserUtil.parse} runs each parse on a
 * helper thread with a timeout, which costs a thread hand-off per statement; the session threads
 * call the generated parser directly instead, without the slow "complex parsing" retry.
 */
final class PostgresParser {

  /** Longest statement the complex-parsing retry is tried on (characters). */
  static final int COMPLEX_PARSE_LIMIT = 2000;

  private PostgresParser() {}

  /**
   * The tree of {@code sql}, or null if JSqlParser cannot parse it (its token manager throws
   * unchecked exceptions; deeply nested input can exhaust the stack).
   */
  static Statement parse(String sql) {
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
    } catch (Exception | StackOverflowError e) {
      // PostgreSQL's special call forms, position(a in b), substring(s from i for n),
      // overlay(s placing t from i), named arguments (days => 2), only parse with JSqlParser's
      // deeper lookaheads, which cost too much to try first; retried for short statements only,
      // where the backtracking stays cheap.
      if (sql.length() > COMPLEX_PARSE_LIMIT) {
        return null;
      }
    }
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statement();
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }

  /** The tree of an expression the dialect itself wrote (so it always parses). */
  static net.sf.jsqlparser.expression.Expression expression(String sql) {
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Expression();
    } catch (Exception e) {
      throw new IllegalStateException("the dialect wrote an expression it cannot parse: " + sql, e);
    }
  }
}
