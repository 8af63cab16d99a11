package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

  private static List<TokenKind> kinds(String sql) throws StatementException {
    return SqlLexer.tokenize(sql).stream().map(Token::kind).toList();
  }

  private static List<String> texts(String sql) throws StatementException {
    return SqlLexer.tokenize(sql).stream().map(Token::text).toList();
  }

  @Test
  void skipsWhitespaceAndComments() throws Exception {
    assertThat(texts("select -- c ; x\n 1 /* a /* nested */ b */ + 2"))
        .containsExactly("select", "1", "+", "2");
  }

  @Test
  void stringsWithDoubledQuotes() throws Exception {
    Token t = SqlLexer.tokenize("'it''s'").get(0);
    assertThat(t.kind()).isEqualTo(TokenKind.STRING);
    assertThat(t.text()).isEqualTo("'it''s'");
    assertThat(t.value()).isEqualTo("it's");
    assertThat(t.start()).isZero();
    assertThat(t.end()).isEqualTo(7);
  }

  @Test
  void backslashIsLiteralInStandardStrings() throws Exception {
    assertThat(SqlLexer.tokenize("'a\\'").get(0).value()).isEqualTo("a\\");
  }

  @Test
  void escapeStrings() throws Exception {
    Token t = SqlLexer.tokenize("E'a\\'b\\n\\x41\\101\\u00e9'").get(0);
    assertThat(t.kind()).isEqualTo(TokenKind.STRING);
    assertThat(t.value()).isEqualTo("a'b\nAAé");
  }

  @Test
  void dollarQuotes() throws Exception {
    List<Token> tokens = SqlLexer.tokenize("$$ it's ; $$ $fn$ $$ inner $$ $fn$ $1");
    assertThat(tokens)
        .extracting(Token::kind)
        .containsExactly(TokenKind.DOLLAR_STRING, TokenKind.DOLLAR_STRING, TokenKind.PARAMETER);
    assertThat(tokens.get(0).value()).isEqualTo(" it's ; ");
    assertThat(tokens.get(1).value()).isEqualTo(" $$ inner $$ ");
    assertThat(tokens.get(2).text()).isEqualTo("$1");
  }

  @Test
  void identifiersFoldAndQuotedKeepCase() throws Exception {
    List<Token> tokens = SqlLexer.tokenize("MyTable \"My \"\"Q\"\" Table\" a$b");
    assertThat(tokens).extracting(Token::value).containsExactly("mytable", "My \"Q\" Table", "a$b");
    assertThat(tokens.get(1).kind()).isEqualTo(TokenKind.QUOTED_IDENTIFIER);
  }

  @Test
  void numbersOperatorsAndPunctuation() throws Exception {
    assertThat(texts("a::int>=-1.5e3,.5;x[1:2]"))
        .containsExactly(
            "a", "::", "int", ">=", "-", "1.5e3", ",", ".5", ";", "x", "[", "1", ":", "2", "]");
    assertThat(kinds("1 'x' \"y\" z $2 + ("))
        .containsExactly(
            TokenKind.NUMBER,
            TokenKind.STRING,
            TokenKind.QUOTED_IDENTIFIER,
            TokenKind.IDENTIFIER,
            TokenKind.PARAMETER,
            TokenKind.OPERATOR,
            TokenKind.PUNCTUATION);
  }

  @Test
  void commentStartEndsAnOperator() throws Exception {
    assertThat(texts("a=/*x*/1 b<--c\n2")).containsExactly("a", "=", "1", "b", "<", "2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select 'abc",
        "select E'abc\\'",
        "select \"abc",
        "select $$abc",
        "select $x$ abc $$",
        "select /* abc /* */",
        "select U&'x"
      })
  void unterminatedIsSyntaxError(String sql) {
    assertThatThrownBy(() -> SqlLexer.tokenize(sql))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"))
        .hasMessageStartingWith("unterminated")
        .hasMessageContaining("at or near \"");
  }

  @Test
  void unterminatedStringMessageMatchesPostgres() {
    assertThatThrownBy(() -> SqlLexer.tokenize("select 'abc"))
        .hasMessage("unterminated quoted string at or near \"'abc\"");
  }

  @Test
  void emptyQuotedIdentifierIsRejected() {
    assertThatThrownBy(() -> SqlLexer.tokenize("select \"\""))
        .hasMessageStartingWith("zero-length delimited identifier");
  }
}
