package io.distdb.node.dialect;

import io.distdb.node.dialect.NumberKinds.Kind;
import io.distdb.node.sql.StatementException;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

/**
 * PostgreSQL's numeric functions the engine lacks or answers differently:
 *
 * <ul>
 *   <li>{@code div(a, b)}, the integer quotient truncated towards zero (the engine has no div):
 *       {@code distdb_catalog.numeric_div_trunc};
 *   <li>{@code mod(a, b)} with a numeric argument: {@code distdb_catalog.numeric_mod}, as {@code a
 *       % b} ({@code NumericDivisionRewrite}): the engine's MOD answers in the divisor's type;
 *   <li>{@code round(x)} of a float8 rounds half to even (C's rint: {@code round(2.5::float8)} is
 *       2) where the engine's ROUND rounds half up: {@code distdb_catalog.float8_round} where
 *       {@link NumberKinds} finds x a float (a column's type read from the catalog).
 * </ul>
 */
final class NumericFunctionRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("div(", "round(", "mod(");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    SelectLabels labels = SelectLabels.of(t);
    NumberKinds kinds = new NumberKinds(t);
    boolean changed = false;
    for (Function f : TreeSurgery.find(t.tree(), Function.class)) {
      if (f.getName() == null
          || (f.getMultipartName() != null && f.getMultipartName().size() > 1)
          || f.getParameters() == null) {
        continue;
      }
      String name = OutputNames.functionName(f);
      List<?> args = f.getParameters();
      Function replacement = null;
      if (name.equals("div") && args.size() == 2) {
        replacement = call("numeric_div_trunc", args);
      } else if (name.equals("mod") && args.size() == 2 && isNumeric(kinds, args)) {
        replacement = call("numeric_mod", args);
      } else if (name.equals("round")
          && args.size() == 1
          && kinds.of((Expression) args.get(0)).isFloat()) {
        replacement = call("float8_round", args);
      }
      if (replacement != null) {
        changed |= TreeSurgery.replace(t.tree(), f, replacement);
      }
    }
    if (changed) {
      labels.relabelReplaced(t);
      t.changed();
    }
  }

  /** Both arguments exact, one numeric: the engine's MOD would answer in the divisor's type. */
  private static boolean isNumeric(NumberKinds kinds, List<?> args) throws StatementException {
    Kind a = kinds.of((Expression) args.get(0));
    Kind b = kinds.of((Expression) args.get(1));
    return a.isExact() && b.isExact() && (a == Kind.NUMERIC || b == Kind.NUMERIC);
  }

  private static Function call(String name, List<?> args) {
    Function f = new Function();
    f.setName(List.of("distdb_catalog", name));
    @SuppressWarnings("unchecked")
    List<Expression> expressions = (List<Expression>) args;
    f.setParameters(new ExpressionList<>(expressions));
    return f;
  }
}
