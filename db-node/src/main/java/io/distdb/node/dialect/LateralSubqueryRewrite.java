package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * {@code LATERAL (subquery)} in FROM, which H2 2.4 lacks (its derived tables cannot read other FROM
 * items). The subquery leaves the FROM, and its columns become expressions over the other items
 * ({@link LateralReferences}), by what the subquery returns per row:
 *
 * <ul>
 *   <li>one row, no FROM ({@code LATERAL (SELECT t.a * 2 AS d) x}): each column is its expression;
 *       a WHERE joins the outer WHERE;
 *   <li>at most one row, {@code LIMIT 1} or aggregates without GROUP BY ({@code LATERAL (SELECT v
 *       FROM u WHERE u.t_id = t.id ORDER BY v DESC LIMIT 1) s}): each column is the subquery
 *       selecting it alone, a correlated scalar subquery the engine runs; an inner join keeps only
 *       the rows for which the subquery {@code EXISTS}, {@code LEFT JOIN ... ON true} all;
 *   <li>any number of rows from a plain filter ({@code LATERAL (SELECT u.v FROM u WHERE u.t_id =
 *       t.id) s}): the subquery's FROM items join the outer FROM, its WHERE the outer WHERE (or the
 *       ON of a left join), each column is its expression.
 * </ul>
 *
 * Anything else (GROUP BY, DISTINCT, window functions, LIMIT above 1, set operations, a left join
 * on a condition other than {@code true} for the first two forms) is 0A000 naming LATERAL.
 */
final class LateralSubqueryRewrite implements Rewrite {

  private static final Set<String> AGGREGATES =
      Set.of(
          "count",
          "sum",
          "avg",
          "min",
          "max",
          "bool_and",
          "bool_or",
          "every",
          "string_agg",
          "array_agg",
          "json_agg",
          "jsonb_agg",
          "json_object_agg",
          "jsonb_object_agg");

  @Override
  public List<String> stems() {
    return List.of("lateral");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    for (PlainSelect select : TreeSurgery.find(t.tree(), PlainSelect.class)) {
      if (select.getFromItem() instanceof LateralSubSelect first) {
        // Nothing before it to read: an ordinary derived table.
        select.setFromItem(
            new ParenthesedSelect().withSelect(first.getSelect()).withAlias(first.getAlias()));
        t.changed();
      }
      List<Join> joins = select.getJoins();
      for (int i = 0; joins != null && i < joins.size(); i++) {
        if (joins.get(i).getRightItem() instanceof LateralSubSelect lateral) {
          if (rewrite(select, i, lateral)) {
            i--; // the join is gone
          }
          t.changed();
        }
      }
    }
  }

  /** True if the join was removed. */
  private static boolean rewrite(PlainSelect select, int index, LateralSubSelect lateral)
      throws StatementException {
    Join join = select.getJoins().get(index);
    if (join.isRight() || join.isFull() || join.isNatural() || !join.getUsingColumns().isEmpty()) {
      throw LateralReferences.unsupported("LATERAL in a RIGHT, FULL, NATURAL or USING join");
    }
    if (!(lateral.getSelect() instanceof PlainSelect inner)) {
      throw LateralReferences.unsupported("LATERAL over a set operation or VALUES");
    }
    if (lateral.getAlias() == null) {
      throw new StatementException("42601", "subquery in FROM must have an alias");
    }
    String alias = JsonColumnRewrite.name(lateral.getAlias().getName());
    Map<String, Expression> expressions = new HashMap<>();
    List<String> columns = columns(inner, lateral, expressions);
    Expression on = condition(join);
    boolean left = join.isLeft();
    Shape shape = shape(inner);
    Function<String, Expression> valueOf;
    Expression filter = null;
    switch (shape) {
      case VALUES -> {
        if (left && (on != null || inner.getWhere() != null)) {
          throw leftOnCondition();
        }
        valueOf = c -> copy(expressions.get(c), c);
        filter = inner.getWhere();
      }
      case SCALAR -> {
        if (left && on != null) {
          throw leftOnCondition();
        }
        valueOf = c -> scalar(inner, expressions.get(c), c);
        if (!left && (inner.getLimit() != null || inner.getFetch() != null)) {
          filter = exists(inner);
        }
      }
      case ROWS -> {
        if (left && inner.getJoins() != null && !inner.getJoins().isEmpty()) {
          throw LateralReferences.unsupported("LEFT JOIN LATERAL over a subquery with joins");
        }
        checkNames(select, inner);
        valueOf = c -> copy(expressions.get(c), c);
      }
      default ->
          throw LateralReferences.unsupported(
              "LATERAL over a subquery with GROUP BY, DISTINCT, window functions, OFFSET or a"
                  + " LIMIT other than 1");
    }
    new LateralReferences(select, alias, columns, valueOf, lateral).replace();
    LateralReferences.crossJoinsBefore(select, index);
    on = condition(join); // its references were replaced
    if (shape == Shape.ROWS) {
      flatten(select, index, inner, on, left);
      return false;
    }
    select.getJoins().remove(index);
    and(select, filter);
    and(select, on);
    return true;
  }

  private enum Shape {
    VALUES,
    SCALAR,
    ROWS,
    OTHER
  }

  private static Shape shape(PlainSelect inner) {
    boolean windows = !TreeSurgery.find(inner.getSelectItems(), AnalyticExpression.class).isEmpty();
    boolean grouped = inner.getGroupBy() != null || inner.getHaving() != null;
    if (windows
        || grouped
        || inner.getDistinct() != null
        || inner.getOffset() != null
        || inner.getWindowDefinitions() != null
        || inner.getQualify() != null) {
      return Shape.OTHER;
    }
    boolean limited = inner.getLimit() != null || inner.getFetch() != null;
    if (limited && !isOne(inner)) {
      return Shape.OTHER;
    }
    if (inner.getFromItem() == null) {
      return limited ? Shape.OTHER : Shape.VALUES;
    }
    if (limited || aggregates(inner)) {
      return Shape.SCALAR;
    }
    return Shape.ROWS; // without a LIMIT the subquery's ORDER BY does not reach the result
  }

  private static boolean isOne(PlainSelect inner) {
    Expression count =
        inner.getLimit() != null
            ? inner.getLimit().getRowCount()
            : inner.getFetch().getExpression();
    return inner.getLimit() != null && inner.getLimit().getOffset() == null
        ? count instanceof LongValue l && l.getValue() == 1
        : inner.getFetch() != null
            && (count == null || count instanceof LongValue l && l.getValue() == 1);
  }

  private static boolean aggregates(PlainSelect inner) {
    for (net.sf.jsqlparser.expression.Function f :
        TreeSurgery.find(inner.getSelectItems(), net.sf.jsqlparser.expression.Function.class)) {
      if (AGGREGATES.contains(OutputNames.functionName(f))) {
        return true;
      }
    }
    return false;
  }

  /** The subquery's output columns, folded, in order; null if it selects {@code *}. */
  private static List<String> columns(
      PlainSelect inner, LateralSubSelect lateral, Map<String, Expression> expressions) {
    List<String> names = new ArrayList<>();
    boolean star = false;
    for (SelectItem<?> item : inner.getSelectItems()) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns) { // AllTableColumns is one too
        star = true;
        continue;
      }
      String name =
          item.getAlias() != null
              ? JsonColumnRewrite.name(item.getAlias().getName())
              : e instanceof Column c
                  ? JsonColumnRewrite.name(c.getColumnName())
                  : e instanceof net.sf.jsqlparser.expression.Function f
                      ? OutputNames.functionName(f)
                      : "?column?";
      names.add(name);
    }
    var aliasColumns = lateral.getAlias().getAliasColumns();
    if (aliasColumns != null) {
      for (int i = 0; i < aliasColumns.size() && i < names.size(); i++) {
        names.set(i, JsonColumnRewrite.name(aliasColumns.get(i).name));
      }
    }
    int i = 0;
    for (SelectItem<?> item : inner.getSelectItems()) {
      if (!(item.getExpression() instanceof AllColumns)) {
        expressions.putIfAbsent(names.get(i++), item.getExpression());
      }
    }
    return star ? null : names;
  }

  /** The join's ON condition, null for none or {@code ON true}. */
  private static Expression condition(Join join) {
    if (join.getOnExpressions() == null || join.getOnExpressions().isEmpty()) {
      return null;
    }
    Expression on = null;
    for (Expression e : join.getOnExpressions()) {
      if (!e.toString().equalsIgnoreCase("true")) {
        on = on == null ? e : new AndExpression(on, e);
      }
    }
    return on;
  }

  private static void flatten(
      PlainSelect select, int index, PlainSelect inner, Expression on, boolean left) {
    Join join = select.getJoins().get(index);
    join.setRightItem(inner.getFromItem());
    Expression where = inner.getWhere();
    if (left) {
      Expression condition =
          where == null ? on : on == null ? where : new AndExpression(paren(where), paren(on));
      join.setOnExpressions(
          List.of(condition == null ? PostgresParser.expression("TRUE") : condition));
      return;
    }
    join.setSimple(false);
    join.setLeft(false);
    join.setInner(false);
    join.setCross(true);
    join.setOnExpressions(new ArrayList<>());
    List<Join> innerJoins = inner.getJoins() == null ? List.of() : inner.getJoins();
    for (Join j : innerJoins) {
      if (j.isSimple()) {
        j.setSimple(false);
        j.setCross(true);
      }
    }
    select.getJoins().addAll(index + 1, innerJoins);
    and(select, where);
    and(select, on);
  }

  /** A FROM item name the subquery and the outer query share would mean another item when moved. */
  private static void checkNames(PlainSelect select, PlainSelect inner) throws StatementException {
    Set<String> outer = new HashSet<>();
    outer.add(name(select.getFromItem()));
    for (Join j : select.getJoins()) {
      outer.add(name(j.getRightItem()));
    }
    List<FromItem> items = new ArrayList<>();
    items.add(inner.getFromItem());
    if (inner.getJoins() != null) {
      inner.getJoins().forEach(j -> items.add(j.getRightItem()));
    }
    for (FromItem item : items) {
      String name = name(item);
      if (name == null || outer.contains(name)) {
        throw LateralReferences.unsupported(
            "LATERAL over a subquery whose FROM item "
                + (name == null ? "has no name" : name + " is also named outside it"));
      }
    }
  }

  private static String name(FromItem item) {
    if (item.getAlias() != null) {
      return JsonColumnRewrite.name(item.getAlias().getName());
    }
    return item instanceof Table t ? JsonColumnRewrite.name(t.getName()) : null;
  }

  /** {@code (SELECT e FROM ... LIMIT 1)}: the subquery selecting one column. */
  private static Expression scalar(PlainSelect inner, Expression e, String column) {
    String item = e != null ? e.toString() : LateralReferences.quote(column);
    return PostgresParser.expression("(" + withItems(inner, item) + ")");
  }

  private static Expression exists(PlainSelect inner) {
    return PostgresParser.expression("EXISTS (" + withItems(inner, "1") + ")");
  }

  private static String withItems(PlainSelect inner, String item) {
    List<SelectItem<?>> items = inner.getSelectItems();
    try {
      inner.setSelectItems(List.of(new SelectItem<>(PostgresParser.expression(item))));
      return inner.toString();
    } finally {
      inner.setSelectItems(items);
    }
  }

  /** A fresh copy of a select item's expression (the subquery's {@code *}: the bare column). */
  private static Expression copy(Expression e, String column) {
    if (e == null) {
      return new Column(column);
    }
    Expression copy = PostgresParser.expression(e.toString());
    return copy == null ? e : copy;
  }

  private static void and(PlainSelect select, Expression e) {
    if (e != null) {
      select.setWhere(
          select.getWhere() == null ? e : new AndExpression(paren(select.getWhere()), paren(e)));
    }
  }

  private static Expression paren(Expression e) {
    return new ParenthesedExpressionList<>(e);
  }

  private static StatementException leftOnCondition() {
    return LateralReferences.unsupported(
        "LEFT JOIN LATERAL on a condition other than true, over a subquery of one row,");
  }
}
