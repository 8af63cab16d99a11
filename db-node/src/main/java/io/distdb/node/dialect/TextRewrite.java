package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.List;

/**
 * A rewrite of a statement JSqlParser cannot parse, done on the text before parsing (JSqlParser 5.3
 * has no {@code TRUNCATE ... RESTART IDENTITY} and no {@code CREATE INDEX CONCURRENTLY IF NOT
 * EXISTS}). Kept to statements whose shape is a short fixed list of keywords.
 */
interface TextRewrite {

  /** The statement in H2's dialect, or null if this rewrite does not apply to it. */
  String rewrite(String sql, List<Token> tokens) throws StatementException;
}
