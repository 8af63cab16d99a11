package io.distdb.node.dialect;

import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * {@code SELECT DISTINCT d.x AS y FROM (...) d ORDER BY x}: PostgreSQL finds the ORDER BY's bare
 * column among the select list's expressions (the same column, qualified there); H2 requires the
 * ORDER BY of a DISTINCT query to name an output column ("must be in the result list"). TypeORM's
 * paginated finds with relations order so. The ORDER BY item becomes the select item's output name.
 */
final class DistinctOrderByRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("distinct");
  }

  @Override
  public void apply(Translation t) {
    if (!(t.tree() instanceof PlainSelect select)
        || select.getDistinct() == null
        || select.getDistinct().getOnSelectItems() != null
        || select.getOrderByElements() == null) {
      return;
    }
    for (OrderByElement order : select.getOrderByElements()) {
      if (!(order.getExpression() instanceof Column bare) || bare.getTable() != null) {
        continue;
      }
      if (isOutputName(select, bare.getColumnName())) {
        continue;
      }
      for (SelectItem<?> item : select.getSelectItems()) {
        Alias alias = item.getAlias();
        if (item.getExpression() instanceof Column column
            && column.getTable() != null
            && column.getColumnName().equals(bare.getColumnName())
            && alias != null) {
          order.setExpression(new Column(alias.getName()));
          t.changed();
          break;
        }
      }
    }
  }

  private static boolean isOutputName(PlainSelect select, String name) {
    for (SelectItem<?> item : select.getSelectItems()) {
      if (item.getAlias() != null && item.getAlias().getName().equals(name)) {
        return true;
      }
      if (item.getAlias() == null
          && item.getExpression() instanceof Column c
          && c.getColumnName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
