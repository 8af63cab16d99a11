package io.distdb.node.service;

import java.sql.SQLException;
import java.util.Map;
import org.h2.api.ErrorCode;

/**
 * Parameters the engine cannot type from their place in the statement: {@code SELECT $1}, {@code
 * SELECT $1 AS x, ...} (H2 prepares them but cannot describe the result: "Unknown data type: ?").
 * PostgreSQL types such a parameter as the client declared it, and an undeclared ({@code unknown})
 * one as text, which psycopg 3 relies on: it sends Python strings as unknown. When H2 cannot
 * describe a statement for that reason, every parameter is cast to its declared type (text if none)
 * and the statement prepared again; statements H2 describes as they are never pay for it.
 */
final class UntypedParameters {

  /** The engine type for a declared OID; the rest (json, arrays, ...) stay as they are. */
  private static final Map<Integer, String> ENGINE_TYPES =
      Map.ofEntries(
          Map.entry(0, "VARCHAR"),
          Map.entry(PgType.UNKNOWN.oid(), "VARCHAR"),
          Map.entry(PgType.TEXT.oid(), "VARCHAR"),
          Map.entry(PgType.VARCHAR.oid(), "VARCHAR"),
          Map.entry(PgType.BOOL.oid(), "BOOLEAN"),
          Map.entry(20, "BIGINT"),
          Map.entry(21, "SMALLINT"),
          Map.entry(23, "INTEGER"),
          Map.entry(700, "REAL"),
          Map.entry(701, "DOUBLE PRECISION"),
          Map.entry(PgType.NUMERIC.oid(), "NUMERIC"),
          Map.entry(PgType.DATE.oid(), "DATE"),
          Map.entry(PgType.TIMESTAMP.oid(), "TIMESTAMP"),
          Map.entry(PgType.TIMESTAMPTZ.oid(), "TIMESTAMP WITH TIME ZONE"),
          Map.entry(PgType.UUID.oid(), "UUID"));

  private UntypedParameters() {}

  /**
   * {@code engineSql} with its parameters cast to their declared types, if {@code refusal} is the
   * engine's refusal to type a parameter; else null.
   */
  static String typed(SQLException refusal, String engineSql, int count, int[] declaredOids) {
    if (count == 0
        || refusal.getErrorCode() != ErrorCode.UNKNOWN_DATA_TYPE_1
        || refusal.getMessage() == null
        || !refusal.getMessage().contains("\"?\"")) {
      return null;
    }
    StringBuilder out = new StringBuilder(engineSql.length() + 24 * count);
    int i = 0;
    while (i < engineSql.length()) {
      char c = engineSql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = engineSql.indexOf(c, i + 1);
        end = end < 0 ? engineSql.length() : end + 1;
        out.append(engineSql, i, end); // a doubled quote is two quoted runs: the same text
        i = end;
        continue;
      }
      int digits = i + 1;
      while (c == '?'
          && digits < engineSql.length()
          && Character.isDigit(engineSql.charAt(digits))) {
        digits++;
      }
      if (c != '?' || digits == i + 1) {
        out.append(c);
        i++;
        continue;
      }
      int n = Integer.parseInt(engineSql.substring(i + 1, digits));
      int oid = declaredOids != null && n - 1 < declaredOids.length ? declaredOids[n - 1] : 0;
      String type = ENGINE_TYPES.get(oid);
      String parameter = engineSql.substring(i, digits);
      out.append(type == null ? parameter : "CAST(" + parameter + " AS " + type + ")");
      i = digits;
    }
    return out.toString();
  }
}
