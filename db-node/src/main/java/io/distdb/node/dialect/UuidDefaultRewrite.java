package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * {@code uuid_generate_v4()} (the {@code uuid-ossp} extension's, which TypeORM writes as a uuid
 * primary key's default) in a CREATE or ALTER statement becomes the engine's {@code RANDOM_UUID()},
 * a version 4 UUID as well; queries get the same from {@link FunctionRewrite}, on the tree.
 * JSqlParser keeps a column definition's default as text, so DDL is rewritten on its tokens. The
 * engine keeps {@code RANDOM_UUID()} apart from {@code gen_random_uuid()}'s {@code RANDOM_UUID(4)},
 * so the catalog shows each default as it was written ({@code storage.PostgresExpressionText}).
 */
final class UuidDefaultRewrite {

  private UuidDefaultRewrite() {}

  static boolean mightApply(String lower) {
    return lower.contains("uuid_generate_v4");
  }

  /** The statement with each call replaced, or null if it is no CREATE / ALTER or has none. */
  static String rewrite(String sql, List<Token> tokens) {
    if (tokens.isEmpty()
        || !(tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER"))) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isKeyword("uuid_generate_v4")
          && tokens.get(i + 1).is("(")
          && tokens.get(i + 2).is(")")
          && (i == 0 || !tokens.get(i - 1).is("."))) {
        out.append(sql, copied, t.start()).append("RANDOM_UUID()");
        copied = tokens.get(i + 2).end();
      }
    }
    return copied == 0 ? null : out.append(sql.substring(copied)).toString();
  }
}
