package io.distdb.node.dialect;

import java.util.List;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Gives {@code avg} PostgreSQL's result type: numeric for integer and numeric arguments, where H2
 * computes a double precision. The argument is cast to {@code numeric(38, 6)}: H2 then averages
 * exactly with 16 decimals, as PostgreSQL does for integers ({@code avg} of 1, 2, 2 is
 * 1.6666666666666667). An unbounded numeric would make H2 divide in DECFLOAT, which takes seconds.
 * Arguments with more than 6 decimals are rounded, and a float argument (float8 in PostgreSQL) is
 * reported as numeric: documented differences. {@code count} and {@code sum} of integers are bigint
 * in both already.
 */
final class AggregateTypeRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("avg(", "avg (");
  }

  @Override
  public void apply(Translation t) {
    if (ExpressionWalker.rewrite(t.tree(), ExpressionWalker.NONE, AggregateTypeRewrite::exact)) {
      t.changed();
    }
  }

  private static boolean exact(Function f) {
    if (!OutputNames.functionName(f).equals("avg")
        || f.getParameters() == null
        || f.getParameters().size() != 1
        || f.isDistinct()) {
      return false;
    }
    Expression arg = f.getParameters().get(0);
    CastExpression numeric = new CastExpression();
    numeric.setLeftExpression(arg);
    ColDataType type = new ColDataType();
    type.setDataType("NUMERIC");
    type.setArgumentsStringList(List.of("38", "6"));
    numeric.setColDataType(type);
    numeric.setUseCastKeyword(true);
    f.setParameters(new ExpressionList<>(numeric));
    return true;
  }
}
