package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Replaces a lateral FROM item's columns by the expressions that compute them from the other FROM
 * items, for the rewrites that take the item out of the FROM (H2 2.4 has no LATERAL: a FROM item
 * cannot read another's columns, an expression can). {@code s.c} is replaced anywhere in the
 * SELECT, subqueries included; a bare {@code c} in the SELECT's own clauses (PostgreSQL would find
 * it ambiguous if another FROM item had it too); {@code *} and {@code s.*} become the columns one
 * by one. A select item that was such a reference keeps PostgreSQL's label, the column's name.
 */
final class LateralReferences {

  private final PlainSelect select;
  private final String alias;
  private final List<String> columns;
  private final Function<String, Expression> valueOf;
  private final FromItem item;

  /**
   * @param alias the lateral item's name, as PostgreSQL folds it
   * @param columns its column names, folded, in order; null if unknown (a subquery's {@code *})
   * @param valueOf a fresh expression for a column, each call its own nodes
   * @param item the lateral item, whose own expressions are left alone
   */
  LateralReferences(
      PlainSelect select,
      String alias,
      List<String> columns,
      Function<String, Expression> valueOf,
      FromItem item) {
    this.select = select;
    this.alias = alias;
    this.columns = columns;
    this.valueOf = valueOf;
    this.item = item;
  }

  /** Replaces every reference; a whole-row reference is the single column, if there is one. */
  void replace() throws StatementException {
    List<Column> written = TreeSurgery.find(select, Column.class);
    expandStars();
    Set<Object> own = identities(TreeSurgery.find(item, Column.class));
    Set<Object> nested = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Select inner : TreeSurgery.find(select, Select.class)) {
      if (inner != select) {
        nested.addAll(TreeSurgery.find(inner, Column.class));
      }
    }
    Set<Object> labelled = identities(List.of());
    for (SelectItem<?> i : select.getSelectItems()) {
      if (i.getExpression() instanceof Column c && i.getAlias() == null && refers(c, nested)) {
        i.setAlias(new Alias(quote(JsonColumnRewrite.name(c.getColumnName())), true));
        labelled.add(c);
      }
    }
    for (Column c : written) {
      if (!own.contains(c) && refers(c, nested)) {
        TreeSurgery.replace(select, c, valueOf.apply(name(c)));
      }
    }
  }

  private boolean refers(Column c, Set<Object> nested) throws StatementException {
    Table table = c.getTable();
    String column = JsonColumnRewrite.name(c.getColumnName());
    if (table != null && table.getName() != null) {
      if (table.getSchemaName() != null || !alias.equals(JsonColumnRewrite.name(table.getName()))) {
        return false;
      }
      if (columns != null && !columns.contains(column)) {
        throw new StatementException("42703", "column " + alias + "." + column + " does not exist");
      }
      return true;
    }
    if (nested.contains(c)) {
      return false;
    }
    if (columns != null && columns.contains(column)) {
      return true;
    }
    if (column.equals(alias)) {
      if (columns != null && columns.size() == 1) {
        return true;
      }
      throw unsupported("a whole-row reference to the LATERAL item " + alias);
    }
    return false;
  }

  /** The column a reference names: a whole-row reference names the item's single column. */
  private String name(Column c) {
    String column = JsonColumnRewrite.name(c.getColumnName());
    boolean qualified = c.getTable() != null && c.getTable().getName() != null;
    if (!qualified && columns != null && !columns.contains(column) && columns.size() == 1) {
      return columns.get(0);
    }
    return column;
  }

  private void expandStars() throws StatementException {
    List<SelectItem<?>> items = new ArrayList<>();
    boolean expanded = false;
    for (SelectItem<?> i : select.getSelectItems()) {
      Expression e = i.getExpression();
      if (e instanceof AllTableColumns all) {
        if (all.getTable() != null
            && alias.equals(JsonColumnRewrite.name(all.getTable().getName()))) {
          items.addAll(ownColumns());
          expanded = true;
          continue;
        }
      } else if (e instanceof AllColumns) {
        items.addAll(everyColumn());
        expanded = true;
        continue;
      }
      items.add(i);
    }
    if (expanded) {
      select.setSelectItems(items);
    }
  }

  private List<SelectItem<?>> ownColumns() throws StatementException {
    if (columns == null) {
      throw unsupported(alias + ".* of a LATERAL subquery selecting *");
    }
    List<SelectItem<?>> out = new ArrayList<>();
    for (String column : columns) {
      SelectItem<Expression> i = new SelectItem<>(valueOf.apply(column));
      i.setAlias(new Alias(quote(column), true));
      out.add(i);
    }
    return out;
  }

  /** {@code *}: each FROM item's columns in order, the lateral item's computed. */
  private List<SelectItem<?>> everyColumn() throws StatementException {
    List<FromItem> from = new ArrayList<>();
    from.add(select.getFromItem());
    for (Join j : select.getJoins()) {
      if (j.isNatural() || (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty())) {
        throw unsupported("* over a USING or NATURAL join with a LATERAL item");
      }
      from.add(j.getRightItem());
    }
    List<SelectItem<?>> out = new ArrayList<>();
    for (FromItem f : from) {
      if (f == item) {
        out.addAll(ownColumns());
        continue;
      }
      String name =
          f.getAlias() != null
              ? f.getAlias().getName()
              : f instanceof Table t ? t.getFullyQualifiedName() : null;
      if (name == null) {
        throw unsupported("* over a FROM item without a name, with a LATERAL item");
      }
      out.add(new SelectItem<>(new AllTableColumns(new Table(name))));
    }
    return out;
  }

  /**
   * Makes the comma joins before {@code index} explicit CROSS JOINs, so that the ON condition that
   * replaces the lateral item sees every earlier FROM item (a comma join's ON sees only its own
   * side in H2, as in the SQL standard).
   */
  static void crossJoinsBefore(PlainSelect select, int index) throws StatementException {
    List<Join> joins = select.getJoins();
    for (int i = 0; i < index; i++) {
      Join j = joins.get(i);
      if (j.isRight() || j.isFull()) {
        throw unsupported("a LATERAL item after a RIGHT or FULL join");
      }
      if (j.isSimple()) {
        j.setSimple(false);
        j.setCross(true);
      }
    }
  }

  static StatementException unsupported(String feature) {
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED, feature + " is not supported by distdb");
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static Set<Object> identities(List<?> nodes) {
    Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.addAll(nodes);
    return out;
  }
}
