package io.distdb.node.copy;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads PostgreSQL 15's {@code COPY} grammar: {@code COPY t [(cols)] FROM STDIN} and {@code COPY t
 * [(cols)] | (query) TO STDOUT}, each with options in the parenthesized form ({@code WITH (FORMAT
 * csv, HEADER)}) or the pre-9.0 form psql's {@code \copy} passes through ({@code CSV HEADER
 * DELIMITER ';'}). Files and programs on the server are refused: distdb's sessions never touch the
 * node's file system.
 */
public final class CopyCommandParser {

  private final String sql;
  private final List<Token> tokens;
  private final CopyOptionsBuilder options = new CopyOptionsBuilder();
  private int pos;

  private CopyCommandParser(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** Parses one COPY statement (the text may end with a semicolon). */
  public static CopyCommand parse(String sql) throws CopyException {
    List<Token> tokens;
    try {
      tokens = new ArrayList<>(SqlLexer.tokenize(sql));
    } catch (StatementException e) {
      throw new CopyException(e.sqlState(), e.getMessage());
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(";")) {
      tokens.remove(tokens.size() - 1);
    }
    return new CopyCommandParser(sql, tokens).command();
  }

  private CopyCommand command() throws CopyException {
    expectKeyword("copy");
    String table = null;
    String relation = null;
    String query = null;
    List<String> columns = List.of();
    if (peek() != null && peek().is("(")) {
      query = parenthesizedText();
    } else {
      int start = pos;
      Token name = name();
      while (peek() != null && peek().is(".")) {
        pos++;
        name = name();
      }
      table = sql.substring(tokens.get(start).start(), name.end());
      relation = name.value();
      if (peek() != null && peek().is("(")) {
        columns = nameList();
      }
    }
    Token direction = next();
    boolean from;
    if (direction != null && direction.isKeyword("from")) {
      from = true;
    } else if (direction != null && direction.isKeyword("to")) {
      from = false;
    } else {
      throw syntaxAt(direction);
    }
    if (from && query != null) {
      throw syntaxAt(direction);
    }
    endpoint(from);
    if (peek() != null && peek().isKeyword("with")) {
      pos++;
    }
    if (peek() != null && peek().is("(")) {
      optionList();
    } else {
      legacyOptions();
    }
    if (peek() != null && peek().isKeyword("where")) {
      throw CopyException.unsupported("COPY FROM ... WHERE is not supported by distdb");
    }
    if (peek() != null) {
      throw syntaxAt(peek());
    }
    return new CopyCommand(from, table, relation, columns, query, options.build(from));
  }

  private void endpoint(boolean from) throws CopyException {
    Token t = next();
    if (t != null && t.isKeyword(from ? "stdin" : "stdout")) {
      return;
    }
    if (t != null && (t.kind() == TokenKind.STRING || t.isKeyword("program"))) {
      throw CopyException.unsupported(
          "COPY "
              + (from ? "from" : "to")
              + " a file or program is not supported by distdb: use "
              + (from ? "FROM STDIN" : "TO STDOUT")
              + " (psql's \\copy)");
    }
    throw syntaxAt(t);
  }

  /** {@code (name [value], ...)}: PostgreSQL 9.0+'s option list. */
  private void optionList() throws CopyException {
    pos++; // (
    while (true) {
      Token name = next();
      if (name == null || !name.isName()) {
        throw syntaxAt(name);
      }
      Token value = peek();
      if (value != null && (value.is(",") || value.is(")"))) {
        options.set(name.value(), null);
      } else if (value != null && value.is("(")) {
        options.set(name.value(), String.join(",", nameList()));
      } else {
        pos++;
        options.set(name.value(), value == null ? null : optionValue(value));
      }
      Token sep = next();
      if (sep != null && sep.is(")")) {
        return;
      }
      if (sep == null || !sep.is(",")) {
        throw syntaxAt(sep);
      }
    }
  }

  private static String optionValue(Token t) throws CopyException {
    if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.NUMBER || t.isName()) {
      return t.value();
    }
    if (t.is("*")) {
      return "*";
    }
    throw syntaxAt(t);
  }

  /** {@code BINARY}, {@code DELIMITER [AS] 'c'}, {@code NULL [AS] 's'}, {@code CSV}, ... */
  private void legacyOptions() throws CopyException {
    while (peek() != null && !peek().isKeyword("where")) {
      Token t = next();
      String word = t.value().toLowerCase(Locale.ROOT);
      switch (word) {
        case "binary" -> options.set("format", "binary");
        case "csv" -> options.set("format", "csv");
        case "header" -> options.set("header", null);
        case "delimiter", "null", "quote", "escape" -> options.set(word, stringArgument());
        case "force" -> {
          Token what = next();
          if (what != null && what.isKeyword("quote")) {
            options.set("force_quote", forceList());
          } else if (what != null && what.isKeyword("not")) {
            expectKeyword("null");
            options.set("force_not_null", forceList());
          } else {
            throw syntaxAt(what);
          }
        }
        default -> throw syntaxAt(t);
      }
    }
  }

  private String stringArgument() throws CopyException {
    if (peek() != null && peek().isKeyword("as")) {
      pos++;
    }
    Token value = next();
    if (value == null || value.kind() != TokenKind.STRING) {
      throw syntaxAt(value);
    }
    return value.value();
  }

  private String forceList() throws CopyException {
    if (peek() != null && peek().is("*")) {
      pos++;
      return "*";
    }
    List<String> names = new ArrayList<>();
    names.add(name().value());
    while (peek() != null && peek().is(",")) {
      pos++;
      names.add(name().value());
    }
    return String.join(",", names);
  }

  private List<String> nameList() throws CopyException {
    pos++; // (
    List<String> names = new ArrayList<>();
    while (true) {
      Token name = name();
      names.add(name.text());
      Token sep = next();
      if (sep != null && sep.is(")")) {
        return names;
      }
      if (sep == null || !sep.is(",")) {
        throw syntaxAt(sep);
      }
    }
  }

  /** The text between a {@code (} and its matching {@code )}, which must follow. */
  private String parenthesizedText() throws CopyException {
    Token open = next();
    int depth = 1;
    while (pos < tokens.size()) {
      Token t = tokens.get(pos++);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")") && --depth == 0) {
        return sql.substring(open.end(), t.start()).trim();
      }
    }
    throw syntaxAt(null);
  }

  private Token name() throws CopyException {
    Token t = next();
    if (t == null || !t.isName()) {
      throw syntaxAt(t);
    }
    return t;
  }

  private void expectKeyword(String keyword) throws CopyException {
    Token t = next();
    if (t == null || !t.isKeyword(keyword)) {
      throw syntaxAt(t);
    }
  }

  private Token peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private Token next() {
    return pos < tokens.size() ? tokens.get(pos++) : null;
  }

  private static CopyException syntaxAt(Token t) {
    return CopyException.syntax(
        t == null
            ? "syntax error at end of input"
            : "syntax error at or near \"" + t.text() + "\"");
  }
}
