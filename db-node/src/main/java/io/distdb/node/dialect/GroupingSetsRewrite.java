package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * {@code GROUP BY GROUPING SETS (...)}, {@code ROLLUP (...)}, {@code CUBE (...)} (and plain
 * expressions beside them, crossed as PostgreSQL crosses them) with {@code grouping(...)}, which H2
 * lacks: the query becomes one {@code GROUP BY} per grouping set joined by {@code UNION ALL}. In
 * each branch a select item that is a grouping expression the set leaves out is NULL, and {@code
 * grouping(a, b)} is the constant bit mask PostgreSQL computes (1 for each argument left out, the
 * first argument the highest bit). ORDER BY, LIMIT and OFFSET apply to the union, so they must name
 * output columns (labels or positions), as in any UNION.
 *
 * <p>Runs last, on the tree the other rewrites left, and renders each branch from it: the other
 * rewrites see one ordinary SELECT. A SELECT in a subquery, a CTE or a UNION branch becomes its
 * union in parentheses; a grouping column inside a larger select item ({@code coalesce(region,
 * 'all')}) is NULL where left out, except inside an aggregate. A grouping expression that is not a
 * bare column is recognised only as a whole item.
 */
final class GroupingSetsRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("rollup", "cube", "grouping");
  }

  /** Whether {@code select}'s GROUP BY has grouping sets, ROLLUP or CUBE. */
  static boolean hasGroupingSets(PlainSelect select) {
    GroupByElement g = select.getGroupBy();
    if (g == null) {
      return false;
    }
    if (g.getGroupingSets() != null && !g.getGroupingSets().isEmpty()) {
      return true;
    }
    for (Object e : expressions(g)) {
      if (isRollupOrCube(e)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void apply(Translation t) throws StatementException {
    // Subqueries and CTEs first, inner ones before outer ones: an outer union's text holds the
    // marker standing for an inner one, replaced when the statement is rendered.
    List<ParenthesedSelect> holders = TreeSurgery.find(t.tree(), ParenthesedSelect.class);
    Collections.reverse(holders);
    int markers = 0;
    for (ParenthesedSelect holder : holders) {
      if (holder.getSelect() instanceof PlainSelect inner && hasGroupingSets(inner)) {
        holder.setSelect(marker(t, inner, markers++));
      }
    }
    for (SetOperationList union : TreeSurgery.find(t.tree(), SetOperationList.class)) {
      List<Select> branches = union.getSelects();
      for (int i = 0; i < branches.size(); i++) {
        if (branches.get(i) instanceof PlainSelect branch && hasGroupingSets(branch)) {
          branches.set(i, new ParenthesedSelect().withSelect(marker(t, branch, markers++)));
        }
      }
    }
    if (markers > 0) {
      t.changed();
    }
    if (t.tree() instanceof PlainSelect select && hasGroupingSets(select)) {
      t.replaceBody(union(select));
    }
  }

  /** A stand-in for {@code select}, which the rendering replaces by its union. */
  private static PlainSelect marker(Translation t, PlainSelect select, int n)
      throws StatementException {
    String marker = "distdb_grouping_sets_" + n;
    t.substitute("SELECT " + marker, union(select));
    return (PlainSelect) PostgresParser.parse("SELECT " + marker);
  }

  /** {@code select} as the UNION ALL of one GROUP BY per grouping set. */
  private static String union(PlainSelect select) throws StatementException {
    List<List<Expression>> sets = sets(select.getGroupBy());
    Map<String, Expression> grouped = new LinkedHashMap<>();
    for (List<Expression> set : sets) {
      for (Expression e : set) {
        grouped.putIfAbsent(e.toString(), e);
      }
    }
    List<SelectItem<?>> items = select.getSelectItems();
    GroupByElement groupBy = select.getGroupBy();
    List<OrderByElement> orderBy = select.getOrderByElements();
    var limit = select.getLimit();
    var offset = select.getOffset();
    var fetch = select.getFetch();
    var with = select.getWithItemsList();
    String withText = with == null ? "" : withText(select);
    select.setOrderByElements(null);
    select.setLimit(null);
    select.setOffset(null);
    select.setFetch(null);
    select.setWithItemsList(null);
    StringBuilder sql = new StringBuilder(withText);
    try {
      for (int k = 0; k < sets.size(); k++) {
        List<String> inSet = new ArrayList<>();
        for (Expression e : sets.get(k)) {
          inSet.add(e.toString());
        }
        select.setSelectItems(branchItems(items, grouped, inSet));
        GroupByElement branch = new GroupByElement();
        // The empty set is GROUP BY (): one row even without an aggregate in the select list.
        ExpressionList<Expression> list =
            sets.get(k).isEmpty() ? new ParenthesedExpressionList<>() : new ExpressionList<>();
        list.addAll(sets.get(k));
        branch.setGroupByExpressions(list);
        select.setGroupByElement(branch);
        sql.append(k == 0 ? "" : " UNION ALL ").append(select);
      }
    } finally {
      select.setSelectItems(items);
      select.setGroupByElement(groupBy);
      select.setOrderByElements(orderBy);
      select.setLimit(limit);
      select.setOffset(offset);
      select.setFetch(fetch);
      select.setWithItemsList(with);
    }
    if (orderBy != null && !orderBy.isEmpty()) {
      sql.append(PlainSelect.orderByToString(orderBy));
    }
    if (limit != null) {
      sql.append(limit);
    }
    if (offset != null) {
      sql.append(offset);
    }
    if (fetch != null) {
      sql.append(fetch);
    }
    return sql.toString();
  }

  private static String withText(PlainSelect select) {
    StringBuilder with = new StringBuilder("WITH ");
    for (int i = 0; i < select.getWithItemsList().size(); i++) {
      with.append(i == 0 ? "" : ", ").append(select.getWithItemsList().get(i));
    }
    return with.append(' ').toString();
  }

  /** The select list of the branch grouping by {@code inSet}. */
  private static List<SelectItem<?>> branchItems(
      List<SelectItem<?>> items, Map<String, Expression> grouped, List<String> inSet)
      throws StatementException {
    List<SelectItem<?>> out = new ArrayList<>();
    for (SelectItem<?> item : items) {
      Expression e = item.getExpression();
      String text = e == null ? null : e.toString();
      Alias alias = item.getAlias() != null ? item.getAlias() : label(e);
      if (e instanceof Function f && isGrouping(f)) {
        out.add(SelectItem.from(new LongValue(mask(f, inSet)), alias));
      } else if (text != null && grouped.containsKey(text) && !inSet.contains(text)) {
        out.add(SelectItem.from(new NullValue(), alias));
      } else if (referencesLeftOut(e, grouped, inSet)) {
        out.add(SelectItem.from(withLeftOutAsNull(e, grouped, inSet), alias));
      } else if (item.getAlias() == null && e instanceof Function && alias != null) {
        out.add(SelectItem.from(e, alias)); // count(*) stays count even where H2 says otherwise
      } else {
        out.add(item);
      }
    }
    return out;
  }

  /** Aggregates read their arguments row by row: a grouped column inside one is not NULL. */
  private static final Set<String> AGGREGATES =
      Set.of(
          "count",
          "sum",
          "avg",
          "min",
          "max",
          "array_agg",
          "string_agg",
          "bool_and",
          "bool_or",
          "every",
          "json_agg",
          "jsonb_agg",
          "json_object_agg",
          "jsonb_object_agg",
          "stddev",
          "variance",
          "listagg");

  /** Whether {@code e} reads a grouping column this branch leaves out, outside an aggregate. */
  private static boolean referencesLeftOut(
      Expression e, Map<String, Expression> grouped, List<String> inSet) {
    return e != null && !leftOutColumns(e, grouped, inSet).isEmpty();
  }

  private static List<Column> leftOutColumns(
      Expression e, Map<String, Expression> grouped, List<String> inSet) {
    Set<Object> inAggregates =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Function f : TreeSurgery.find(e, Function.class)) {
      if (f.getName() != null && AGGREGATES.contains(OutputNames.functionName(f))) {
        inAggregates.addAll(TreeSurgery.find(f, Column.class));
      }
    }
    for (AnalyticExpression a : TreeSurgery.find(e, AnalyticExpression.class)) {
      inAggregates.addAll(TreeSurgery.find(a, Column.class));
    }
    List<Column> out = new ArrayList<>();
    for (Column c : TreeSurgery.find(e, Column.class)) {
      String text = c.toString();
      if (!inAggregates.contains(c) && grouped.containsKey(text) && !inSet.contains(text)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * A copy of {@code e} (the other branches keep the original) with the grouping columns this
   * branch leaves out as NULL: {@code coalesce(region, 'all')} over ROLLUP (region).
   */
  private static Expression withLeftOutAsNull(
      Expression e, Map<String, Expression> grouped, List<String> inSet) throws StatementException {
    Expression copy;
    try {
      copy = PostgresParser.expression(e.toString());
    } catch (IllegalStateException unparsable) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          "this expression over a grouping column is not supported with GROUPING SETS by distdb");
    }
    for (Column c : leftOutColumns(copy, grouped, inSet)) {
      TreeSurgery.replace(copy, c, new NullValue());
    }
    return copy;
  }

  /** PostgreSQL's label, so that a branch's NULL does not rename the union's column. */
  private static Alias label(Expression e) {
    String label = OutputNames.labelOf(e);
    if (label == null && e instanceof Column c) {
      label = JsonColumnRewrite.name(c.getColumnName());
    }
    if (label == null && e instanceof Function f && f.getName() != null) {
      label = OutputNames.functionName(f);
    }
    return label == null ? null : new Alias("\"" + label.replace("\"", "\"\"") + "\"", true);
  }

  private static long mask(Function grouping, List<String> inSet) throws StatementException {
    List<?> args = grouping.getParameters() == null ? List.of() : grouping.getParameters();
    if (args.isEmpty() || args.size() > 31) {
      throw new StatementException("42601", "grouping() takes 1 to 31 arguments");
    }
    long mask = 0;
    for (Object arg : args) {
      mask = (mask << 1) | (inSet.contains(arg.toString()) ? 0 : 1);
    }
    return mask;
  }

  /** The grouping sets of {@code g}: PostgreSQL's cross product of its elements. */
  private static List<List<Expression>> sets(GroupByElement g) throws StatementException {
    List<List<List<Expression>>> factors = new ArrayList<>();
    for (Object e : expressions(g)) {
      if (isRollupOrCube(e)) {
        Function f = (Function) e;
        List<List<Expression>> units = units(f.getParameters());
        factors.add(OutputNames.functionName(f).equals("rollup") ? rollup(units) : cube(units));
      } else {
        factors.add(List.of(List.of((Expression) e)));
      }
    }
    if (g.getGroupingSets() != null && !g.getGroupingSets().isEmpty()) {
      List<List<Expression>> listed = new ArrayList<>();
      for (Object set : g.getGroupingSets()) {
        List<Expression> one = new ArrayList<>();
        for (Object e : set instanceof ExpressionList<?> list ? list : List.of(set)) {
          if (isRollupOrCube(e) || e instanceof ExpressionList<?>) {
            throw new StatementException(
                StatementException.FEATURE_NOT_SUPPORTED,
                "nested grouping sets are not supported by distdb");
          }
          one.add((Expression) e);
        }
        listed.add(one);
      }
      factors.add(listed);
    }
    List<List<Expression>> out = new ArrayList<>();
    out.add(List.of());
    for (List<List<Expression>> factor : factors) {
      List<List<Expression>> next = new ArrayList<>();
      for (List<Expression> prefix : out) {
        for (List<Expression> set : factor) {
          List<Expression> combined = new ArrayList<>(prefix);
          combined.addAll(set);
          next.add(combined);
        }
      }
      out = next;
    }
    return out;
  }

  /** ROLLUP's and CUBE's elements: {@code (a, b)} inside them is one element of two columns. */
  private static List<List<Expression>> units(ExpressionList<?> parameters) {
    List<List<Expression>> units = new ArrayList<>();
    if (parameters == null) {
      return units;
    }
    for (Object p : parameters) {
      if (p instanceof ParenthesedExpressionList<?> list) {
        List<Expression> unit = new ArrayList<>();
        for (Object e : list) {
          unit.add((Expression) e);
        }
        units.add(unit);
      } else {
        units.add(List.of((Expression) p));
      }
    }
    return units;
  }

  /** ROLLUP (a, b): (a, b), (a), (). */
  private static List<List<Expression>> rollup(List<List<Expression>> units) {
    List<List<Expression>> out = new ArrayList<>();
    for (int n = units.size(); n >= 0; n--) {
      List<Expression> set = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        set.addAll(units.get(i));
      }
      out.add(set);
    }
    return out;
  }

  /** CUBE (a, b): (a, b), (a), (b), (). */
  private static List<List<Expression>> cube(List<List<Expression>> units) {
    List<List<Expression>> out = new ArrayList<>();
    int n = units.size();
    for (int mask = (1 << n) - 1; mask >= 0; mask--) {
      List<Expression> set = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << (n - 1 - i))) != 0) {
          set.addAll(units.get(i));
        }
      }
      out.add(set);
    }
    return out;
  }

  private static List<?> expressions(GroupByElement g) {
    return g.getGroupByExpressionList() == null ? List.of() : g.getGroupByExpressionList();
  }

  private static boolean isRollupOrCube(Object e) {
    if (!(e instanceof Function f) || f.getName() == null) {
      return false;
    }
    String name = f.getName().toLowerCase(Locale.ROOT);
    return name.equals("rollup") || name.equals("cube");
  }

  static boolean isGrouping(Function f) {
    return f.getName() != null
        && f.getMultipartName().size() == 1
        && OutputNames.functionName(f).equals("grouping");
  }
}
