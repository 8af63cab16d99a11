package io.distdb.node.dialect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Keeps the scale PostgreSQL's numeric keeps where H2 would drop it. An unbounded {@code numeric}
 * is H2's DECFLOAT in PostgreSQL mode, and DECFLOAT normalizes every value ({@code 1.50} becomes
 * {@code 1.5}, so {@code 1.5::numeric * 2} printed 3 where PostgreSQL prints 3.0). H2's NUMERIC(p,
 * s) keeps a scale and computes PostgreSQL's result scales for {@code + - *} (the larger scale, the
 * sum of the scales), so:
 *
 * <ul>
 *   <li>a constant cast to unbounded numeric ({@code 1.50::numeric}, {@code '2.5'::numeric}, {@code
 *       2::numeric}) becomes a cast to {@code NUMERIC(1000, s)}, s the constant's own scale, as
 *       PostgreSQL's numeric_in keeps it;
 *   <li>{@code round(x, n)} and {@code trunc(x, n)} with a constant n (PostgreSQL has them for
 *       numeric only) are cast to {@code NUMERIC(1000, max(n, 0))}: their result has scale n.
 * </ul>
 *
 * A column declared {@code numeric} without a typmod is still DECFLOAT: it keeps the value, not the
 * trailing zeros of the text written into it (DESIGN.md lists it).
 */
final class NumericScaleRewrite implements Rewrite {

  /** Digits before the point a constant may have; PostgreSQL's numeric allows 131072. */
  private static final int PRECISION = 1000;

  @Override
  public List<String> stems() {
    return List.of("numeric", "decimal", "round(", "trunc(");
  }

  @Override
  public void apply(Translation t) {
    boolean changed = ExpressionWalker.rewrite(t.tree(), NumericScaleRewrite::fixCast, f -> false);
    for (Function f : TreeSurgery.find(t.tree(), Function.class)) {
      Integer scale = roundingScale(f);
      if (scale != null) {
        changed |= TreeSurgery.replace(t.tree(), f, cast(f, scale));
      }
    }
    if (changed) {
      t.changed();
    }
  }

  private static boolean fixCast(CastExpression cast) {
    ColDataType type = cast.getColDataType();
    if (type == null
        || type.getDataType() == null
        || (type.getArgumentsStringList() != null && !type.getArgumentsStringList().isEmpty())
        || type.toString().contains("(") // a typmod: the engine's NUMERIC(p, s) already
        || (type.getArrayData() != null && !type.getArrayData().isEmpty())) {
      return false;
    }
    String name = PostgresTypes.normalize(type.getDataType());
    if (!name.equals("numeric")) {
      return false;
    }
    BigDecimal value = constant(cast.getLeftExpression());
    if (value == null || value.precision() - value.scale() > PRECISION / 2) {
      return false;
    }
    int scale = Math.max(0, value.scale());
    cast.setColDataType(numeric(scale));
    return true;
  }

  /** The scale {@code round(x, n)} / {@code trunc(x, n)} answers with, or null. */
  private static Integer roundingScale(Function f) {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      return null;
    }
    String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
    if (!(name.equals("round") || name.equals("trunc"))
        || f.getParameters() == null
        || f.getParameters().size() != 2) {
      return null;
    }
    BigDecimal n = constant((Expression) f.getParameters().get(1));
    if (n == null || n.scale() > 0 || n.abs().compareTo(BigDecimal.valueOf(PRECISION / 2)) > 0) {
      return null;
    }
    return Math.max(0, n.intValue());
  }

  /** A number written as a constant (a literal, a signed one, a quoted one), or null. */
  private static BigDecimal constant(Expression e) {
    try {
      if (e instanceof LongValue || e instanceof DoubleValue) {
        return new BigDecimal(e.toString());
      }
      if (e instanceof StringValue s) {
        return new BigDecimal(s.getValue().trim());
      }
      if (e instanceof SignedExpression s) {
        BigDecimal v = constant(s.getExpression());
        return v == null || s.getSign() != '-' ? v : v.negate();
      }
    } catch (NumberFormatException notANumber) {
      // 'NaN', 'Infinity', words: the engine's cast answers them
    }
    return null;
  }

  private static CastExpression cast(Expression e, int scale) {
    CastExpression c = new CastExpression();
    c.setLeftExpression(e);
    c.setColDataType(numeric(scale));
    c.setUseCastKeyword(true);
    return c;
  }

  private static ColDataType numeric(int scale) {
    ColDataType type = new ColDataType();
    type.setDataType("NUMERIC");
    type.setArgumentsStringList(List.of(String.valueOf(PRECISION), String.valueOf(scale)));
    return type;
  }
}
