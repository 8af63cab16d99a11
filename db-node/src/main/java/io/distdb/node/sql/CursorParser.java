package io.distdb.node.sql;

/**
 * Reads PostgreSQL's cursor commands:
 *
 * <pre>
 * DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [[NO] SCROLL] CURSOR [{WITH | WITHOUT} HOLD]
 *     FOR query
 * FETCH | MOVE [direction] [FROM | IN] name
 * CLOSE name | ALL
 * </pre>
 *
 * where direction is NEXT, PRIOR, FIRST, LAST, ABSOLUTE n, RELATIVE n, n, ALL, FORWARD [n | ALL] or
 * BACKWARD [n | ALL].
 */
final class CursorParser {

  private static final long ALL = Long.MAX_VALUE;

  private final TokenStream in;

  CursorParser(TokenStream in) {
    this.in = in;
  }

  /** Null if the statement is not a cursor command. */
  Statement parse() throws StatementException {
    if (in.accept("DECLARE")) {
      return declare();
    }
    if (in.accept("FETCH")) {
      return fetchOrMove(CursorCommand.Op.FETCH);
    }
    if (in.accept("MOVE")) {
      return fetchOrMove(CursorCommand.Op.MOVE);
    }
    if (in.accept("CLOSE")) {
      String name = in.accept("ALL") ? null : in.name();
      in.expectEnd();
      return new CursorCommand(CursorCommand.Op.CLOSE, name, null, 0, true, false, false, false);
    }
    return null;
  }

  private Statement declare() throws StatementException {
    String name = in.name();
    boolean binary = in.accept("BINARY");
    if (!in.accept("ASENSITIVE")) {
      in.accept("INSENSITIVE");
    }
    boolean scroll = false;
    if (!in.accept("NO", "SCROLL")) {
      scroll = in.accept("SCROLL");
    }
    in.expect("CURSOR");
    boolean hold = false;
    if (in.accept("WITH", "HOLD")) {
      hold = true;
    } else {
      in.accept("WITHOUT", "HOLD");
    }
    in.expect("FOR");
    int start = in.position();
    Token first = in.peek();
    // PostgreSQL's grammar: FOR SelectStmt (SELECT, VALUES, TABLE, WITH, a parenthesised one).
    if (first == null
        || !(first.isKeyword("SELECT")
            || first.isKeyword("VALUES")
            || first.isKeyword("TABLE")
            || first.isKeyword("WITH")
            || first.is("("))) {
      throw in.syntaxError();
    }
    return new CursorCommand(
        CursorCommand.Op.DECLARE, name, in.textFrom(start), 0, true, hold, binary, scroll);
  }

  private Statement fetchOrMove(CursorCommand.Op op) throws StatementException {
    long count = 1;
    boolean forward = true;
    if (in.accept("NEXT")) {
      count = 1;
    } else if (in.accept("PRIOR") || in.accept("FIRST") || in.accept("LAST")) {
      forward = false;
    } else if (in.accept("ABSOLUTE") || in.accept("RELATIVE")) {
      signedCount();
      forward = false;
    } else if (in.accept("ALL")) {
      count = ALL;
    } else if (in.accept("FORWARD")) {
      count = in.accept("ALL") ? ALL : countOr(1);
      forward = count >= 0;
    } else if (in.accept("BACKWARD")) {
      if (!in.accept("ALL")) {
        countOr(1);
      }
      forward = false;
    } else if (isCount()) {
      count = signedCount();
      forward = count >= 0;
    }
    if (!in.accept("FROM")) {
      in.accept("IN");
    }
    String name = in.name();
    in.expectEnd();
    return new CursorCommand(op, name, null, count, forward, false, false, false);
  }

  private long countOr(long otherwise) throws StatementException {
    return isCount() ? signedCount() : otherwise;
  }

  private boolean isCount() {
    Token t = in.peek();
    return t != null && (t.kind() == TokenKind.NUMBER || t.is("-") || t.is("+"));
  }

  private long signedCount() throws StatementException {
    boolean negative = in.acceptSymbol("-");
    if (!negative) {
      in.acceptSymbol("+");
    }
    Token t = in.peek();
    if (t == null || t.kind() != TokenKind.NUMBER) {
      throw in.syntaxError();
    }
    in.skip();
    try {
      long n = Long.parseLong(t.text());
      return negative ? -n : n;
    } catch (NumberFormatException e) {
      throw StatementException.syntax("syntax error at or near \"" + t.text() + "\"");
    }
  }
}
