package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The columns of a FROM item named as a whole-row value ({@code row_to_json(t)}, {@code
 * json_agg(t)}): a table's from the schema, a subquery's from its select list (labels as the engine
 * would give them), in order.
 */
final class RowColumns {

  private RowColumns() {}

  /** The columns of the FROM item {@code name} refers to, or null if none of the statement's. */
  static List<String> of(Translation t, String name) throws StatementException {
    String wanted = JsonColumnRewrite.name(name);
    for (PlainSelect select : TreeSurgery.find(t.tree(), PlainSelect.class)) {
      List<FromItem> items = new ArrayList<>();
      if (select.getFromItem() != null) {
        items.add(select.getFromItem());
      }
      if (select.getJoins() != null) {
        for (Join j : select.getJoins()) {
          items.add(j.getFromItem());
        }
      }
      for (FromItem item : items) {
        List<String> columns = columns(t, item, wanted);
        if (columns != null) {
          // A column of the same name wins, as in PostgreSQL: generate_series(1, 3) x names
          // the value x.
          return columns.contains(wanted) ? null : columns;
        }
      }
    }
    return null;
  }

  private static List<String> columns(Translation t, FromItem item, String wanted)
      throws StatementException {
    Alias alias = item.getAlias();
    String itemName =
        alias != null
            ? JsonColumnRewrite.name(alias.getName())
            : item instanceof Table table ? JsonColumnRewrite.name(table.getName()) : null;
    if (!wanted.equals(itemName)) {
      return null;
    }
    if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
      List<String> out = new ArrayList<>();
      for (Alias.AliasColumn c : alias.getAliasColumns()) {
        out.add(JsonColumnRewrite.name(c.name));
      }
      return out;
    }
    if (item instanceof Table table) {
      return t.schema().columns(table.getFullyQualifiedName());
    }
    if (item instanceof ParenthesedSelect sub && sub.getSelect() instanceof PlainSelect plain) {
      List<String> out = new ArrayList<>();
      for (SelectItem<?> selectItem : plain.getSelectItems()) {
        if (selectItem.getAlias() != null) {
          out.add(JsonColumnRewrite.name(selectItem.getAlias().getName()));
        } else if (selectItem.getExpression() instanceof Column c) {
          out.add(JsonColumnRewrite.name(c.getColumnName()));
        } else {
          return null; // *, or an expression PostgreSQL would label ?column?
        }
      }
      return out;
    }
    return null;
  }
}
