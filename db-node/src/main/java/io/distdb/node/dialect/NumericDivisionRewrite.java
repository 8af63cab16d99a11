package io.distdb.node.dialect;

import io.distdb.node.dialect.NumberKinds.Kind;
import io.distdb.node.sql.StatementException;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Numeric division over columns with PostgreSQL's result scale. The engine divides a NUMERIC(p, s)
 * column to a scale of its own ({@code b / 3} of a numeric(10,2) 1.50 gave 0.5000000000000000000000
 * where PostgreSQL prints 0.50000000000000000000) and an unbounded numeric column, which is its
 * DECFLOAT, to 100000 significant digits. Where one operand is a column and {@link NumberKinds}
 * finds both exact and one numeric, the division becomes {@code distdb_catalog.numeric_div(a, b)},
 * select_div_scale's quotient. Divisions of constants are {@code BuiltinFunctionRewrite}'s; integer
 * division and anything involving a float or an unknown operand stay the engine's.
 */
final class NumericDivisionRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    // " % " as BuiltinFunctionRewrite: a bare % is in every LIKE pattern, which need no parse
    return List.of("/", " % ");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    List<Division> divisions = TreeSurgery.find(t.tree(), Division.class);
    List<Modulo> modulos = TreeSurgery.find(t.tree(), Modulo.class);
    if (divisions.isEmpty() && modulos.isEmpty()) {
      return;
    }
    SelectLabels labels = SelectLabels.of(t);
    NumberKinds kinds = new NumberKinds(t);
    boolean changed = false;
    for (Division d : divisions) {
      if (!readsColumn(d)) {
        continue;
      }
      Kind left = kinds.of(d.getLeftExpression());
      Kind right = kinds.of(d.getRightExpression());
      if (left.isExact() && right.isExact() && (left == Kind.NUMERIC || right == Kind.NUMERIC)) {
        changed |= TreeSurgery.replace(t.tree(), d, numericDiv(d));
      }
    }
    for (Modulo m : modulos) {
      Kind left = kinds.of(m.getLeftExpression());
      Kind right = kinds.of(m.getRightExpression());
      if (left.isExact() && right.isExact() && (left == Kind.NUMERIC || right == Kind.NUMERIC)) {
        changed |=
            TreeSurgery.replace(
                t.tree(), m, call("numeric_mod", m.getLeftExpression(), m.getRightExpression()));
      }
    }
    if (changed) {
      labels.relabelReplaced(t);
      t.changed();
    }
  }

  private static boolean readsColumn(Division d) {
    return !TreeSurgery.find(d.getLeftExpression(), Column.class).isEmpty()
        || !TreeSurgery.find(d.getRightExpression(), Column.class).isEmpty()
        || d.getLeftExpression() instanceof Column
        || d.getRightExpression() instanceof Column;
  }

  static Function numericDiv(Division d) {
    return numericDiv(d.getLeftExpression(), d.getRightExpression());
  }

  static Function numericDiv(Expression left, Expression right) {
    return call("numeric_div", left, right);
  }

  private static Function call(String name, Expression left, Expression right) {
    Function f = new Function();
    f.setName(List.of("distdb_catalog", name));
    f.setParameters(new ExpressionList<>(left, right));
    return f;
  }
}
