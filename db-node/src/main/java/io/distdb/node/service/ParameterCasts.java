package io.distdb.node.service;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL types a parameter the client did not declare by the cast it stands in: {@code
 * $1::oid[]} (or {@code CAST($1 AS oid[])}, as jOOQ writes it) is an oid[] parameter, whatever the
 * engine makes of the expression around it. asyncpg relies on that for its own catalog queries (it
 * decodes oid[] itself, int4[] only after asking the catalog about it).
 */
final class ParameterCasts {

  private static final Map<String, PgType> TYPES =
      Map.ofEntries(
          Map.entry("oid", PgType.OID),
          Map.entry("int2", PgType.INT2),
          Map.entry("smallint", PgType.INT2),
          Map.entry("int4", PgType.INT4),
          Map.entry("int", PgType.INT4),
          Map.entry("integer", PgType.INT4),
          Map.entry("int8", PgType.INT8),
          Map.entry("bigint", PgType.INT8),
          Map.entry("text", PgType.TEXT),
          Map.entry("name", PgType.NAME),
          Map.entry("bool", PgType.BOOL),
          Map.entry("boolean", PgType.BOOL),
          Map.entry("float8", PgType.FLOAT8),
          Map.entry("float4", PgType.FLOAT4),
          Map.entry("real", PgType.FLOAT4),
          Map.entry("numeric", PgType.NUMERIC),
          Map.entry("date", PgType.DATE),
          Map.entry("timestamp", PgType.TIMESTAMP),
          Map.entry("timestamptz", PgType.TIMESTAMPTZ),
          Map.entry("uuid", PgType.UUID),
          Map.entry("bytea", PgType.BYTEA),
          Map.entry("json", PgType.JSON),
          Map.entry("jsonb", PgType.JSONB));

  private ParameterCasts() {}

  /**
   * The client's declared parameter types ({@code declared}, possibly shorter than {@code count}, 0
   * for "infer it"), completed by the casts {@code sql} applies to its parameters; null when that
   * adds nothing.
   */
  static int[] declared(String sql, int[] declared, int count) {
    if (count == 0
        || !sql.contains("::") && !sql.toLowerCase(java.util.Locale.ROOT).contains("cast")) {
      return null;
    }
    List<Token> tokens;
    try {
      tokens = SqlLexer.tokenize(sql);
    } catch (StatementException e) {
      return null; // the statement's own preparation reports it
    }
    int[] out = null;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean castCall =
          i >= 2
              && tokens.get(i - 2).isKeyword("CAST")
              && tokens.get(i - 1).is("(")
              && tokens.get(i + 1).isKeyword("AS");
      if (t.kind() != TokenKind.PARAMETER || !(tokens.get(i + 1).is("::") || castCall)) {
        continue;
      }
      int n;
      try {
        n = Integer.parseInt(t.text().substring(1)) - 1;
      } catch (NumberFormatException e) {
        continue;
      }
      PgType type = TYPES.get(tokens.get(i + 2).value().toLowerCase(Locale.ROOT));
      if (type == null || n < 0 || n >= count || (n < declared.length && declared[n] != 0)) {
        continue;
      }
      boolean array =
          i + 4 < tokens.size() && tokens.get(i + 3).is("[") && tokens.get(i + 4).is("]");
      if (array) {
        type = PgType.arrayOf(type);
        if (type == PgType.TEXT_ARRAY && tokens.get(i + 2).value().equalsIgnoreCase("oid")) {
          continue;
        }
      }
      if (out == null) {
        out = java.util.Arrays.copyOf(declared, count);
      }
      out[n] = type.oid();
    }
    return out;
  }
}
