package io.distdb.node.testing;

import java.util.List;

/**
 * What a server answered to one statement, as the protocol carries it: the command tag, the
 * RowDescription's labels and type OIDs, the rows in text format, or the error's SQLSTATE.
 */
public record ProtocolResult(
    String tag,
    List<String> labels,
    List<Integer> typeOids,
    List<List<String>> rows,
    String sqlState) {

  public boolean failed() {
    return sqlState != null;
  }
}
