package io.distdb.node.service.catalog;

import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small helpers to build result layouts and rows. */
final class Rows {

  private Rows() {}

  /** Columns from alternating names and types: {@code columns("Name", NAME, "Owner", NAME)}. */
  static List<Column> columns(Object... nameTypePairs) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      out.add(new Column((String) nameTypePairs[i], (PgType) nameTypePairs[i + 1]));
    }
    return out;
  }

  /** ORDER BY 1, 2 on text columns: PostgreSQL's C collation compares like String.compareTo. */
  static final Comparator<Object[]> BY_FIRST_TWO =
      Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> (String) r[1]);
}
