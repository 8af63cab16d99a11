package io.distdb.node.dialect;

import java.util.List;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Labels a query's result columns as PostgreSQL does ({@code count(*)} is {@code count}, {@code
 * x::int} is {@code x}), by aliasing the items H2 would label otherwise. Only the outermost query
 * names the columns a client sees; in a UNION the first branch names them.
 */
final class OutputNameRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of(
        "count(",
        "count (",
        "sum(",
        "sum (",
        "avg(",
        "avg (",
        "min(",
        "max(",
        "_agg(",
        "stddev",
        "variance",
        "every(",
        "bool_",
        "::",
        "cast(",
        "cast (",
        "advisory",
        "over",
        "filter",
        "case",
        "exists",
        "interval",
        "]",
        "array_",
        "substr(",
        "chr(",
        "trim(");
  }

  @Override
  public void apply(Translation t) {
    if (!(t.tree() instanceof Select select)) {
      return;
    }
    PlainSelect first = firstPlainSelect(select);
    if (first == null || first.getSelectItems() == null) {
      return;
    }
    if (labelAll(first.getSelectItems())) {
      t.changed();
    }
  }

  /** Labels each item; true if any needed an alias. */
  static boolean labelAll(List<? extends SelectItem<?>> items) {
    boolean changed = false;
    for (SelectItem<?> item : items) {
      changed |= OutputNames.label(item);
    }
    return changed;
  }

  private static PlainSelect firstPlainSelect(Select select) {
    if (select instanceof PlainSelect p) {
      return p;
    }
    if (select instanceof SetOperationList list && !list.getSelects().isEmpty()) {
      return firstPlainSelect(list.getSelects().get(0));
    }
    if (select instanceof ParenthesedSelect p && p.getSelect() != null) {
      return firstPlainSelect(p.getSelect());
    }
    return null;
  }
}
