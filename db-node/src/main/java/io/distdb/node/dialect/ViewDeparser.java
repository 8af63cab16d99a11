package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A view's query as PostgreSQL 15 stores and prints it ({@code pg_get_viewdef}): every column
 * qualified by its relation, {@code *} expanded, literals typed, implicit casts shown, laid out as
 * ruleutils lays out a SELECT. Covers the plain views applications write (columns, literals,
 * comparisons, AND / OR / NOT, IS NULL, IN, LIKE, arithmetic, common functions and aggregates,
 * joins with ON, GROUP BY, HAVING, ORDER BY, LIMIT / OFFSET over tables and views); for anything
 * else it answers null and the view keeps the engine's text.
 */
final class ViewDeparser {

  /** Both forms: {@code pg_get_viewdef(v)} and {@code pg_get_viewdef(v, true)}. */
  record Definition(String plain, String pretty) {}

  /** A FROM item: the relation, the name its columns are qualified with, its columns' types. */
  record Relation(String schema, String name, String refName, Map<String, String> columns) {}

  /** Thrown inside the walk for a construct this class does not print as PostgreSQL would. */
  static final class Unsupported extends Exception {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private record Target(ViewExpression expression, String name) {}

  private final Schema schema;
  private final String defaultSchema;
  private final List<Relation> relations = new ArrayList<>();
  private final ViewTyping typing;

  private ViewDeparser(Schema schema, String defaultSchema) {
    this.schema = schema;
    this.defaultSchema = defaultSchema;
    this.typing = new ViewTyping(relations);
  }

  /**
   * @param columnNames the view's column list ({@code CREATE VIEW v (a, b)}), or empty
   * @param defaultSchema the schema unqualified names resolve to
   * @return null if the query uses what this class does not print as PostgreSQL would
   */
  static Definition deparse(
      PlainSelect select, List<String> columnNames, Schema schema, String defaultSchema)
      throws StatementException {
    try {
      return new ViewDeparser(schema, defaultSchema).query(select, columnNames);
    } catch (Unsupported e) {
      return null;
    }
  }

  private Definition query(PlainSelect s, List<String> columnNames)
      throws Unsupported, StatementException {
    if (s.getWithItemsList() != null
        || s.getDistinct() != null && s.getDistinct().getOnSelectItems() != null
        || s.getWindowDefinitions() != null
        || s.getFetch() != null
        || s.getQualify() != null
        || s.getIntoTables() != null) {
      throw new Unsupported("clause");
    }
    List<String> fromPlain = new ArrayList<>();
    List<String> fromPretty = new ArrayList<>();
    from(s, fromPlain, fromPretty);
    List<Target> targets = targets(s.getSelectItems());
    if (!columnNames.isEmpty()) {
      if (columnNames.size() > targets.size()) {
        throw new Unsupported("column list");
      }
      for (int i = 0; i < columnNames.size(); i++) {
        targets.set(i, new Target(targets.get(i).expression(), columnNames.get(i)));
      }
    }
    ViewExpression where = s.getWhere() == null ? null : typing.condition(s.getWhere());
    List<ViewExpression> groups = new ArrayList<>();
    GroupByElement g = s.getGroupBy();
    if (g != null) {
      if (g.getGroupingSets() != null && !g.getGroupingSets().isEmpty()) {
        throw new Unsupported("grouping sets");
      }
      for (Object e : g.getGroupByExpressionList()) {
        groups.add(sortKey((Expression) e, targets));
      }
    }
    ViewExpression having = s.getHaving() == null ? null : typing.condition(s.getHaving());
    List<String> orders = new ArrayList<>();
    if (s.getOrderByElements() != null) {
      for (OrderByElement o : s.getOrderByElements()) {
        orders.add(order(o, targets));
      }
    }
    String offset = s.getOffset() == null ? null : count(s.getOffset().getOffset());
    String limit =
        s.getLimit() == null || s.getLimit().getRowCount() == null
            ? null
            : count(s.getLimit().getRowCount());
    if (s.getLimit() != null && s.getLimit().getOffset() != null) {
      offset = count(s.getLimit().getOffset());
    }
    String[] out = new String[2];
    for (int pass = 0; pass < 2; pass++) {
      boolean pretty = pass == 1;
      StringBuilder b = new StringBuilder(" SELECT ");
      if (s.getDistinct() != null) {
        b.append("DISTINCT ");
      }
      b.append(targets.stream().map(t -> target(t, pretty)).collect(Collectors.joining(",\n    ")));
      b.append("\n   FROM ").append(String.join(",\n    ", pretty ? fromPretty : fromPlain));
      if (where != null) {
        b.append("\n  WHERE ").append(ViewExpression.print(where, null, pretty));
      }
      if (!groups.isEmpty()) {
        b.append("\n  GROUP BY ")
            .append(
                groups.stream()
                    .map(e -> ViewExpression.print(e, null, pretty))
                    .collect(Collectors.joining(", ")));
      }
      if (having != null) {
        b.append("\n HAVING ").append(ViewExpression.print(having, null, pretty));
      }
      if (!orders.isEmpty()) {
        b.append("\n  ORDER BY ").append(String.join(", ", orders));
      }
      if (offset != null) {
        b.append("\n OFFSET ").append(offset);
      }
      if (limit != null) {
        b.append("\n LIMIT ").append(limit);
      }
      out[pass] = b.append(';').toString();
    }
    return new Definition(out[0], out[1]);
  }

  private static String count(Expression e) throws Unsupported {
    if (e instanceof net.sf.jsqlparser.expression.LongValue v) {
      return Long.toString(v.getValue());
    }
    throw new Unsupported("limit");
  }

  private void from(PlainSelect s, List<String> plain, List<String> pretty)
      throws Unsupported, StatementException {
    if (s.getFromItem() == null) {
      throw new Unsupported("no FROM");
    }
    String itemPlain = relation(s.getFromItem());
    String itemPretty = itemPlain;
    for (Join j : s.getJoins() == null ? List.<Join>of() : s.getJoins()) {
      if (j.isSimple()) {
        plain.add(itemPlain);
        pretty.add(itemPretty);
        itemPlain = relation(j.getRightItem());
        itemPretty = itemPlain;
        continue;
      }
      String keyword = joinKeyword(j);
      String right = relation(j.getRightItem());
      if (j.isCross()) {
        itemPlain = "(" + itemPlain + "\n     CROSS JOIN " + right + ")";
        itemPretty = itemPretty + "\n     CROSS JOIN " + right;
        continue;
      }
      if (j.getOnExpressions().size() != 1
          || j.getUsingColumns() != null && !j.getUsingColumns().isEmpty()) {
        throw new Unsupported("join condition");
      }
      ViewExpression on = typing.condition(j.getOnExpressions().iterator().next());
      itemPlain =
          "("
              + itemPlain
              + "\n     "
              + keyword
              + " "
              + right
              + " ON ("
              + ViewExpression.print(on, null, false)
              + "))";
      itemPretty =
          itemPretty
              + "\n     "
              + keyword
              + " "
              + right
              + " ON "
              + ViewExpression.print(on, null, true);
    }
    plain.add(itemPlain);
    pretty.add(itemPretty);
  }

  private static String joinKeyword(Join j) throws Unsupported {
    if (j.isNatural() || j.isApply() || j.isSemi() || j.isStraight()) {
      throw new Unsupported("join");
    }
    if (j.isLeft()) {
      return "LEFT JOIN";
    }
    if (j.isRight()) {
      return "RIGHT JOIN";
    }
    if (j.isFull()) {
      return "FULL JOIN";
    }
    return "JOIN";
  }

  /** A table or view in FROM: registers it, returns its marked name and alias. */
  private String relation(FromItem item) throws Unsupported, StatementException {
    if (!(item instanceof Table t) || t.getDatabaseName() != null) {
      throw new Unsupported("FROM item");
    }
    String name = ViewTyping.fold(t.getName());
    String relSchema =
        t.getSchemaName() == null ? defaultSchema : ViewTyping.fold(t.getSchemaName());
    Map<String, String> columns = schema.columnTypes(relSchema, name);
    if (columns.isEmpty()) {
      throw new Unsupported("relation");
    }
    Alias alias = t.getAlias();
    if (alias != null && alias.getAliasColumns() != null) {
      throw new Unsupported("column aliases");
    }
    String refName = alias == null ? name : ViewTyping.fold(alias.getName());
    for (Relation r : relations) {
      if (r.refName().equals(refName)) {
        throw new Unsupported("duplicate range table name");
      }
    }
    relations.add(new Relation(relSchema, name, refName, columns));
    String text = ViewNames.relation(relSchema, name);
    return refName.equals(name) ? text : text + " " + ViewNames.quote(refName);
  }

  private List<Target> targets(List<SelectItem<?>> items) throws Unsupported {
    List<Target> out = new ArrayList<>();
    for (SelectItem<?> item : items) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns && !(e instanceof AllTableColumns)) {
        for (Relation r : relations) {
          expand(r, out);
        }
        continue;
      }
      if (e instanceof AllTableColumns all) {
        expand(typing.relationNamed(ViewTyping.fold(all.getTable().getName())), out);
        continue;
      }
      ViewExpression x = typing.value(e);
      String name =
          item.getAlias() != null
              ? ViewTyping.fold(item.getAlias().getName())
              : ViewTyping.columnName(x);
      out.add(new Target(x, name));
    }
    return out;
  }

  private static void expand(Relation r, List<Target> out) {
    r.columns()
        .forEach(
            (column, type) ->
                out.add(new Target(new ViewExpression.Var(r.refName(), column, type), column)));
  }

  private static String target(Target t, boolean pretty) {
    String text = ViewExpression.print(t.expression(), null, pretty);
    if (t.expression() instanceof ViewExpression.Var v && v.column().equals(t.name())) {
      return text;
    }
    return text + " AS " + ViewNames.quote(t.name());
  }

  /** A GROUP BY or ORDER BY key: a column, an output column's name or its position. */
  private ViewExpression sortKey(Expression e, List<Target> targets) throws Unsupported {
    if (e instanceof net.sf.jsqlparser.expression.LongValue n) {
      int i = (int) n.getValue() - 1;
      if (i < 0 || i >= targets.size()) {
        throw new Unsupported("position");
      }
      return varOnly(targets.get(i).expression());
    }
    if (e instanceof Column c && c.getTable() == null) {
      String name = ViewTyping.fold(c.getColumnName());
      if (!typing.resolves(name)) {
        for (Target t : targets) {
          if (t.name().equals(name)) {
            return varOnly(t.expression());
          }
        }
      }
    }
    return varOnly(typing.value(e));
  }

  private static ViewExpression varOnly(ViewExpression e) throws Unsupported {
    if (!(e instanceof ViewExpression.Var)) {
      throw new Unsupported("sort expression"); // ruleutils adds parentheses of its own there
    }
    return e;
  }

  private String order(OrderByElement o, List<Target> targets) throws Unsupported {
    String key = ViewExpression.print(sortKey(o.getExpression(), targets), null, false);
    boolean desc = o.isAscDescPresent() && !o.isAsc();
    StringBuilder b = new StringBuilder(key);
    if (desc) {
      b.append(" DESC");
    }
    OrderByElement.NullOrdering nulls = o.getNullOrdering();
    if (desc && nulls == OrderByElement.NullOrdering.NULLS_LAST) {
      b.append(" NULLS LAST");
    } else if (!desc && nulls == OrderByElement.NullOrdering.NULLS_FIRST) {
      b.append(" NULLS FIRST");
    }
    return b.toString();
  }
}
