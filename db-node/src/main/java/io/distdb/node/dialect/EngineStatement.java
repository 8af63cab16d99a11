package io.distdb.node.dialect;

/**
 * A client statement as the storage engine (H2) runs it.
 *
 * @param sql the statement in H2's dialect, parameters as {@code ?1..?n}
 * @param parameterCount the highest parameter number the client's text used
 * @param rewritten true if a dialect rewrite changed the statement; false if only its parameters
 *     were renumbered (the text H2 runs is the client's own)
 */
public record EngineStatement(String sql, int parameterCount, boolean rewritten) {}
