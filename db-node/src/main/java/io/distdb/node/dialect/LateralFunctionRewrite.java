package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * A set-returning function in FROM over another FROM item's columns (PostgreSQL's implicit
 * LATERAL): {@code FROM t, unnest(t.tags) x}, {@code CROSS JOIN LATERAL jsonb_array_elements(t.doc
 * -> 'items') e}, {@code LEFT JOIN LATERAL generate_series(1, t.n) g ON true}, {@code jsonb_each(
 * t.doc)}, {@code WITH ORDINALITY}. The engine's UNNEST and GENERATE_SERIES cannot read another
 * FROM item, so the function becomes a join with the positions 1, 2, ... of its rows:
 *
 * <pre>
 * FROM t LEFT JOIN SYSTEM_RANGE(1, 9223372036854775807) AS x(distdb_row)
 *   ON x.distdb_row &lt;= CARDINALITY(t.tags)  -- the function's row count
 * WHERE x.distdb_row IS NOT NULL             -- an inner join, unless the client's was LEFT
 * </pre>
 *
 * and each of its columns becomes the value at that position ({@code (t.tags)[x.distdb_row]}, the
 * n-th key of {@code jsonb_each}, {@code start + (n - 1) * step} of a series; the ordinality is the
 * position). The join is an outer one because the engine keeps the order of outer joins: as an
 * inner join it would scan the range first. The engine's range index reads only the positions the
 * ON condition allows.
 */
final class LateralFunctionRewrite implements Rewrite {

  private static final String ROW = "distdb_row";

  /** Stands for the position in a value's text until the position's column is known. */
  private static final String POSITION = "distdb_position_of_row";

  @Override
  public List<String> stems() {
    return List.of("unnest", "generate_series", "json");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    for (PlainSelect select : TreeSurgery.find(t.tree(), PlainSelect.class)) {
      List<Join> joins = select.getJoins();
      for (int i = 0; joins != null && i < joins.size(); i++) {
        if (joins.get(i).getRightItem() instanceof TableFunction f && readsColumns(f)) {
          rewrite(select, i, f);
          t.changed();
        }
      }
    }
    for (TableFunction f : TreeSurgery.find(t.tree(), TableFunction.class)) {
      if (f.getPrefix() != null && f.getPrefix().equalsIgnoreCase("lateral")) {
        f.setPrefix(null); // over values only: LATERAL changes nothing, and the engine lacks it
        t.changed();
      }
    }
  }

  /** The functions joined to earlier FROM items whose columns they read. */
  static Set<TableFunction> lateralItems(Statement tree) {
    Set<TableFunction> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PlainSelect select : TreeSurgery.find(tree, PlainSelect.class)) {
      if (select.getJoins() != null) {
        for (Join j : select.getJoins()) {
          if (j.getRightItem() instanceof TableFunction f && readsColumns(f)) {
            out.add(f);
          }
        }
      }
    }
    return out;
  }

  private static boolean readsColumns(TableFunction from) {
    Function f = from.getFunction();
    return f != null
        && f.getParameters() != null
        && !TreeSurgery.find(f.getParameters(), Column.class).isEmpty();
  }

  private static void rewrite(PlainSelect select, int index, TableFunction from)
      throws StatementException {
    Join join = select.getJoins().get(index);
    if (join.isRight() || join.isFull() || join.isNatural() || !join.getUsingColumns().isEmpty()) {
      throw LateralReferences.unsupported(
          "a RIGHT, FULL, NATURAL or USING join with a LATERAL item");
    }
    Function f = from.getFunction();
    String name = OutputNames.functionName(f);
    List<Expression> args = new ArrayList<>();
    for (Object arg : f.getParameters()) {
      args.add((Expression) arg);
    }
    Rows rows = rows(name, args);
    Alias alias = from.getAlias();
    String itemName = alias == null ? name : JsonColumnRewrite.name(alias.getName());
    boolean ordinality =
        from.getWithClause() != null
            && from.getWithClause().toLowerCase(Locale.ROOT).contains("ordinality");
    List<String> columns = new ArrayList<>();
    for (String c : rows.columns()) {
      columns.add(c == null ? itemName : c);
    }
    if (ordinality) {
      columns.add("ordinality");
    }
    if (alias != null && alias.getAliasColumns() != null) {
      for (int i = 0; i < alias.getAliasColumns().size() && i < columns.size(); i++) {
        columns.set(i, JsonColumnRewrite.name(alias.getAliasColumns().get(i).name));
      }
    }
    String rangeName = LateralReferences.quote(itemName);
    List<String> names = List.copyOf(columns);
    new LateralReferences(
            select,
            itemName,
            names,
            column -> {
              int i = names.indexOf(column);
              return i < rows.values().size()
                  ? rows.values().get(i).apply(row(rangeName))
                  : row(rangeName); // the ordinality
            },
            from)
        .replace();
    LateralReferences.crossJoinsBefore(select, index);
    // The engine's range index fails on a null bound ("Unexpected code path"): no rows instead.
    Expression on =
        new MinorThanEquals(row(rangeName), call("COALESCE", rows.count(), new LongValue(0)));
    if (join.getOnExpressions() != null && !join.getOnExpressions().isEmpty()) {
      for (Expression e : join.getOnExpressions()) {
        on = new AndExpression(on, new ParenthesedExpressionList<>(e));
      }
    }
    boolean left = join.isLeft();
    TableFunction range =
        new TableFunction(
            new Function("SYSTEM_RANGE", new LongValue(1), new LongValue(Long.MAX_VALUE)));
    Alias rangeAlias = new Alias(rangeName, true);
    rangeAlias.setAliasColumns(List.of(new Alias.AliasColumn(ROW)));
    range.setAlias(rangeAlias);
    join.setRightItem(range);
    join.setSimple(false);
    join.setCross(false);
    join.setInner(false);
    join.setLeft(true);
    join.setOuter(false);
    join.setOnExpressions(List.of(on));
    if (!left) {
      IsNullExpression found = new IsNullExpression();
      found.setLeftExpression(row(rangeName));
      found.setNot(true);
      select.setWhere(
          select.getWhere() == null
              ? found
              : new AndExpression(new ParenthesedExpressionList<>(select.getWhere()), found));
    }
  }

  /**
   * A function's rows: its column names (null: named after the item), the row count, and each
   * column's value at a position.
   */
  private record Rows(
      List<String> columns,
      Expression count,
      List<java.util.function.Function<Expression, Expression>> values) {}

  private static Rows rows(String name, List<Expression> args) throws StatementException {
    if (name.equals("unnest") && args.size() == 1) {
      Expression array = args.get(0);
      List<String> columns = new ArrayList<>();
      columns.add(null);
      return new Rows(
          columns,
          call("CARDINALITY", copy(array)),
          List.of(position -> element(copy(array), position)));
    }
    if (name.equals("generate_series")
        && (args.size() == 2 || args.size() == 3)
        && args.stream().noneMatch(a -> a instanceof IntervalExpression)) {
      return series(args);
    }
    if (JsonSetFunctionRewrite.isSetFunction(name) && args.size() == 1) {
      Expression document = args.get(0);
      List<String> columns = JsonSetFunctionRewrite.columns(name);
      List<java.util.function.Function<Expression, Expression>> values = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        int column = i;
        values.add(
            position ->
                element(JsonSetFunctionRewrite.arrays(name, copy(document)).get(column), position));
      }
      return new Rows(
          columns,
          call("CARDINALITY", JsonSetFunctionRewrite.arrays(name, copy(document)).get(0)),
          values);
    }
    throw LateralReferences.unsupported(
        name + "() with these arguments over another FROM item's columns (LATERAL)");
  }

  /**
   * {@code generate_series(a, b [, s])}: row n is {@code a + (n - 1) * s}, typed as PostgreSQL
   * types the series (the arguments' common type: the CASE's never-taken branch {@code b} brings
   * b's type in); {@code (b - a) / s + 1} rows when s points from a towards b, else none.
   */
  private static Rows series(List<Expression> args) throws StatementException {
    String a = "(" + args.get(0) + ")";
    String b = "(" + args.get(1) + ")";
    String s = args.size() == 3 ? "(" + args.get(2) + ")" : null;
    String count =
        s == null
            ? b + " - " + a + " + 1"
            : "CASE WHEN "
                + s
                + " > 0 AND "
                + b
                + " >= "
                + a
                + " OR "
                + s
                + " < 0 AND "
                + b
                + " <= "
                + a
                + " THEN ("
                + b
                + " - "
                + a
                + ") / "
                + s
                + " + 1 ELSE 0 END";
    String value =
        "CASE WHEN "
            + POSITION
            + " IS NULL THEN NULL WHEN "
            + POSITION
            + " > 0 THEN "
            + a
            + " + CAST("
            + POSITION
            + " - 1 AS INTEGER)"
            + (s == null ? "" : " * " + s)
            + " ELSE "
            + b
            + " END";
    List<String> columns = new ArrayList<>();
    columns.add(null);
    return new Rows(
        columns,
        parse(count),
        List.of(
            position -> PostgresParser.expression(value.replace(POSITION, position.toString()))));
  }

  private static Expression parse(String sql) throws StatementException {
    Expression e = PostgresParser.expression(sql);
    if (e == null) {
      throw LateralReferences.unsupported("generate_series() over these arguments (LATERAL)");
    }
    return e;
  }

  private static Expression row(String rangeName) {
    return new Column(new Table(rangeName), ROW);
  }

  private static Function call(String name, Expression... args) {
    Function f = new Function();
    f.setName(name);
    f.setParameters(new ExpressionList<>(args));
    return f;
  }

  /** A fresh copy of a client expression: each use gets its own nodes. */
  private static Expression copy(Expression e) {
    Expression copy = PostgresParser.expression(e.toString());
    return copy == null ? e : copy;
  }

  private static Expression element(Expression array, Expression position) {
    return new ArrayExpression(new ParenthesedExpressionList<>(array), position);
  }
}
