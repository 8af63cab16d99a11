package io.distdb.node.dialect;

/**
 * A client statement as the storage engine (H2) runs it.
 *
 * @param sql the statement in H2's dialect, parameters as {@code ?1..?n}
 * @param parameterCount the highest parameter number the client's text used
 * @param rewritten true if a dialect rewrite changed the statement; false if only its parameters
 *     were renumbered (the text H2 runs is the client's own)
 * @param describeSql null, or the statement whose parameter metadata H2 should be asked for: H2
 *     infers no parameter types inside a data-change delta table ({@code SELECT ... FROM FINAL
 *     TABLE (INSERT ... VALUES (?1))}) nor in a MERGE's {@code USING (VALUES ...)}, so a {@code
 *     RETURNING} or {@code ON CONFLICT} statement is described by its plain DML, where a parameter
 *     takes its column's type (bytea, jsonb, arrays, intervals need it)
 */
public record EngineStatement(
    String sql, int parameterCount, boolean rewritten, String describeSql) {

  public EngineStatement(String sql, int parameterCount, boolean rewritten) {
    this(sql, parameterCount, rewritten, null);
  }
}
