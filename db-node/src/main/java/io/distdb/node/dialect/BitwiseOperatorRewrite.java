package io.distdb.node.dialect;

import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseLeftShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseRightShift;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

/**
 * PostgreSQL's bitwise operators on integers, {@code a & b}, {@code a | b}, {@code a << n}, {@code
 * a >> n}, which H2 does not parse ("syntax error at or near &"): its functions {@code BITAND},
 * {@code BITOR}, {@code LSHIFT}, {@code RSHIFT}. pgjdbc's getIndexInfo reads a column's sort order
 * as {@code indoption[n] & 1}. PostgreSQL's {@code #} (xor) is not translated: JSqlParser reads
 * {@code ^} as xor, which in PostgreSQL is the power ({@link CompatFunctionRewrite}).
 */
final class BitwiseOperatorRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("&", " | ", "<<", ">>");
  }

  @Override
  public void apply(Translation t) {
    boolean changed = false;
    // Innermost first does not matter: each node is swapped for a call holding its own operands,
    // and an operand that is itself an operator node is found and swapped in turn.
    for (BinaryExpression op : TreeSurgery.find(t.tree(), BinaryExpression.class)) {
      String function = function(op);
      if (function == null) {
        continue;
      }
      Function call = new Function();
      call.setName(function);
      call.setParameters(new ExpressionList<>(op.getLeftExpression(), op.getRightExpression()));
      changed |= TreeSurgery.replace(t.tree(), op, call);
    }
    if (changed) {
      t.changed();
    }
  }

  private static String function(BinaryExpression op) {
    if (op instanceof BitwiseAnd) {
      return "BITAND";
    }
    if (op instanceof BitwiseOr) {
      return "BITOR";
    }
    if (op instanceof BitwiseLeftShift) {
      return "LSHIFT";
    }
    if (op instanceof BitwiseRightShift) {
      return "RSHIFT";
    }
    return null;
  }
}
