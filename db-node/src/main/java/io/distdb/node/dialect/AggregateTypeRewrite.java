package io.distdb.node.dialect;

import io.distdb.node.dialect.NumberKinds.Kind;
import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Gives {@code avg} and {@code sum} PostgreSQL's result types and scales, by the argument's kind
 * ({@link NumberKinds}: a column's is looked up, so only statements averaging a column read the
 * catalog):
 *
 * <ul>
 *   <li>an integer or numeric argument: {@code avg(x)} is {@code numeric_div(sum(x), count(x))},
 *       which is how PostgreSQL computes it (int8_avg, numeric_avg: the sum divided by the count
 *       with select_div_scale), so {@code avg} of 1, 2 is 1.5000000000000000 and of a numeric(10,2)
 *       column 2.2766666666666667;
 *   <li>a float argument: float8, where H2 averages and sums double precision values as DECFLOAT
 *       (psycopg2 read a Decimal); {@code sum} of a float4 is float4;
 *   <li>an argument of unknown kind (a parameter, a subquery's column): {@code avg} of the argument
 *       cast to {@code numeric(38, 6)}: H2 then averages exactly with 16 decimals as PostgreSQL
 *       does for integers (an unbounded numeric would make H2 divide in DECFLOAT, which takes
 *       seconds); more than 6 decimals are rounded, and a float is reported as numeric
 *       (documented).
 * </ul>
 *
 * {@code count} and {@code sum} of integers are bigint in both already. {@code DISTINCT} aggregates
 * and window forms are left as they are.
 */
final class AggregateTypeRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("avg(", "avg (", "sum(", "sum (");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    NumberKinds kinds = new NumberKinds(t);
    boolean changed = false;
    for (Function f : TreeSurgery.find(t.tree(), Function.class)) {
      String name = f.getName() == null ? "" : OutputNames.functionName(f);
      if (!(name.equals("avg") || name.equals("sum"))
          || (f.getMultipartName() != null && f.getMultipartName().size() > 1)
          || f.getParameters() == null
          || f.getParameters().size() != 1
          || f.isAllColumns()) {
        continue;
      }
      Expression arg = (Expression) f.getParameters().get(0);
      Kind kind = readsColumn(arg) ? kinds.of(arg) : Kind.UNKNOWN;
      if (f.isDistinct() && kind == Kind.UNKNOWN) {
        continue;
      }
      Expression replacement = name.equals("avg") ? avg(f, arg, kind) : sum(f, kind);
      if (replacement != null) {
        changed |= replacement == f || TreeSurgery.replace(t.tree(), f, replacement);
      }
    }
    for (AnalyticExpression a : TreeSurgery.find(t.tree(), AnalyticExpression.class)) {
      Expression replacement = window(a, kinds);
      if (replacement != null) {
        changed |= TreeSurgery.replace(t.tree(), a, replacement);
      }
    }
    if (changed) {
      t.changed();
    }
  }

  /**
   * {@code avg(x) OVER (...)} / {@code FILTER (...)} over a column: the same forms, over the same
   * window: {@code numeric_div(SUM(x) OVER (...), COUNT(x) OVER (...))}, or the float8 cast.
   */
  private static Expression window(AnalyticExpression a, NumberKinds kinds)
      throws StatementException {
    String name = a.getName() == null ? "" : a.getName().toLowerCase(Locale.ROOT);
    if (!(name.equals("avg") || name.equals("sum"))
        || a.getExpression() == null
        || a.isDistinct()
        || !readsColumn(a.getExpression())) {
      return null;
    }
    Kind kind = kinds.of(a.getExpression());
    if (kind.isFloat()) {
      return cast(a, name.equals("sum") && kind == Kind.FLOAT4 ? "REAL" : "DOUBLE PRECISION");
    }
    if (!name.equals("avg") || !kind.isExact()) {
      return null;
    }
    String text = a.toString();
    if (!text.regionMatches(true, 0, "avg", 0, 3)) {
      return null;
    }
    return NumericDivisionRewrite.numericDiv(
        PostgresParser.expression("SUM" + text.substring(3)),
        PostgresParser.expression("COUNT" + text.substring(3)));
  }

  private static Expression avg(Function f, Expression arg, Kind kind) {
    switch (kind) {
      case INTEGER, NUMERIC:
        return NumericDivisionRewrite.numericDiv(
            call("SUM", arg, f.isDistinct()), call("COUNT", arg, f.isDistinct()));
      case FLOAT4, FLOAT:
        return cast(f, "DOUBLE PRECISION");
      default:
        f.setParameters(new ExpressionList<>(cast(arg, "NUMERIC", "38", "6")));
        return f;
    }
  }

  private static Expression sum(Function f, Kind kind) {
    if (!kind.isFloat()) {
      return null;
    }
    return cast(f, kind == Kind.FLOAT4 ? "REAL" : "DOUBLE PRECISION");
  }

  private static boolean readsColumn(Expression e) {
    return e instanceof Column || !TreeSurgery.find(e, Column.class).isEmpty();
  }

  private static Function call(String name, Expression arg, boolean distinct) {
    Function f = new Function();
    f.setName(name);
    f.setDistinct(distinct);
    f.setParameters(new ExpressionList<>(arg));
    return f;
  }

  private static CastExpression cast(Expression e, String type, String... arguments) {
    CastExpression c = new CastExpression();
    c.setLeftExpression(e);
    ColDataType t = new ColDataType();
    t.setDataType(type);
    if (arguments.length > 0) {
      t.setArgumentsStringList(List.of(arguments));
    }
    c.setColDataType(t);
    c.setUseCastKeyword(true);
    return c;
  }
}
