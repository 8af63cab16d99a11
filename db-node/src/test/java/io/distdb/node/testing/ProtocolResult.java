package io.distdb.node.testing;

import java.util.List;
import java.util.Map;

/**
 * What a server answered to one statement, as the protocol carries it: the command tag, the
 * RowDescription's labels and type OIDs, the rows in text format, or the error's SQLSTATE and
 * fields (code → value: M message, D detail, s schema, t table, c column, n constraint ...).
 */
public record ProtocolResult(
    String tag,
    List<String> labels,
    List<Integer> typeOids,
    List<List<String>> rows,
    String sqlState,
    Map<Character, String> errorFields) {

  public ProtocolResult(
      String tag,
      List<String> labels,
      List<Integer> typeOids,
      List<List<String>> rows,
      String sqlState) {
    this(tag, labels, typeOids, rows, sqlState, Map.of());
  }

  public boolean failed() {
    return sqlState != null;
  }
}
