package io.distdb.node.sql;

/** What a {@link Token} is. Whitespace and comments produce no tokens. */
public enum TokenKind {
  /** An unquoted identifier or keyword ({@code select}, {@code my_table}). */
  IDENTIFIER,
  /** A double-quoted identifier ({@code "My Table"}); its value keeps case. */
  QUOTED_IDENTIFIER,
  /**
   * A string constant: {@code 'x'}, {@code E'x'}, {@code N'x'}, {@code B'01'}, {@code X'ff'},
   * {@code U&'x'}.
   */
  STRING,
  /** A dollar-quoted string: {@code $$x$$} or {@code $tag$x$tag$}. */
  DOLLAR_STRING,
  /** A numeric constant ({@code 42}, {@code 1.5e3}, {@code .5}). */
  NUMBER,
  /** A positional parameter {@code $n}. */
  PARAMETER,
  /** An operator: a run of {@code + - * / < > = ~ ! @ # % ^ & | ` ?}, or {@code ::}. */
  OPERATOR,
  /** One of {@code ( ) [ ] , ; : .}. */
  PUNCTUATION
}
