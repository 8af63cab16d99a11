package io.distdb.node.dialect;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * {@code JOIN ... USING (c)} merges the two {@code c} columns into one in PostgreSQL, so a bare
 * {@code c} names it; H2 answers "ambiguous column" (42702). A bare reference to a USING column in
 * the select list, WHERE, GROUP BY, HAVING or ORDER BY of that SELECT is qualified with the side
 * whose value the merged column has: the left (first) table for inner and left joins, the joined
 * table for a right join. Full joins (where the merged value is a COALESCE of both) are left alone;
 * subqueries keep their own scope.
 */
final class JoinUsingRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("using");
  }

  @Override
  public void apply(Translation t) {
    if (!(t.tree() instanceof PlainSelect select) || select.getJoins() == null) {
      return;
    }
    Map<String, String> qualifiers = new HashMap<>();
    String left = qualifier(select.getFromItem());
    for (Join join : select.getJoins()) {
      if (join.getUsingColumns() == null || join.isFull()) {
        continue;
      }
      String side = join.isRight() ? qualifier(join.getRightItem()) : left;
      if (side == null) {
        continue;
      }
      for (Column c : join.getUsingColumns()) {
        qualifiers.putIfAbsent(c.getColumnName().toLowerCase(Locale.ROOT), side);
      }
    }
    if (qualifiers.isEmpty()) {
      return;
    }
    Qualifier visitor = new Qualifier(qualifiers);
    for (SelectItem<?> item : select.getSelectItems()) {
      visitor.visitTree(item.getExpression());
    }
    visitor.visitTree(select.getWhere());
    visitor.visitTree(select.getHaving());
    if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
      for (Object e : select.getGroupBy().getGroupByExpressionList()) {
        visitor.visitTree((Expression) e);
      }
    }
    if (select.getOrderByElements() != null) {
      for (OrderByElement o : select.getOrderByElements()) {
        visitor.visitTree(o.getExpression());
      }
    }
    if (visitor.changed) {
      t.changed();
    }
  }

  /** The name a column is qualified with for this FROM item, or null if it has none. */
  private static String qualifier(FromItem item) {
    if (item.getAlias() != null) {
      return item.getAlias().getName();
    }
    return item instanceof Table table ? table.getName() : null;
  }

  private static final class Qualifier extends ExpressionVisitorAdapter<Void> {
    private final Map<String, String> qualifiers;
    boolean changed;

    Qualifier(Map<String, String> qualifiers) {
      this.qualifiers = qualifiers;
    }

    void visitTree(Expression e) {
      if (e != null) {
        e.accept(this, null);
      }
    }

    @Override
    public <S> Void visit(Column column, S context) {
      if (column.getTable() == null || column.getTable().getName() == null) {
        String side = qualifiers.get(column.getColumnName().toLowerCase(Locale.ROOT));
        if (side != null) {
          column.setTable(new Table(side));
          changed = true;
        }
      }
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect subquery, S context) {
      return null; // its own FROM, its own names
    }

    @Override
    public <S> Void visit(Select subquery, S context) {
      return null;
    }
  }
}
