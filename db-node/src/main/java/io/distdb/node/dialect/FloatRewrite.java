package io.distdb.node.dialect;

import io.distdb.node.dialect.NumberKinds.Kind;
import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

/**
 * float8 and float4 as PostgreSQL computes and reads them:
 *
 * <ul>
 *   <li>{@code + - * /} where {@link NumberKinds} sees a float operand and a number on the other
 *       side become {@code distdb_catalog.float8_mul(a, b)} and friends ({@code
 *       storage.PostgresFloatFunctions}): an overflow is 22003 (the engine answered Infinity), and
 *       {@code 1e300::float8 * 1e300} is float8, where the engine multiplied in NUMERIC;
 *   <li>a string constant cast to a float accepts PostgreSQL's spellings of the special values
 *       ({@code 'inf'}, {@code '-Infinity'}, {@code 'nan'}, any case), which the engine refuses,
 *       and one out of the type's range is 22003 (the engine read it as Infinity).
 * </ul>
 *
 * Columns count where {@link NumberKinds} reads their types, but a statement without any stem
 * ({@code SELECT f * 2 FROM t}) is not parsed, so its arithmetic stays the engine's.
 */
final class FloatRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("float", "double", "real");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    boolean changed = readSpecialValues(t);
    List<BinaryExpression> operations = new ArrayList<>();
    operations.addAll(TreeSurgery.find(t.tree(), Addition.class));
    operations.addAll(TreeSurgery.find(t.tree(), Subtraction.class));
    operations.addAll(TreeSurgery.find(t.tree(), Multiplication.class));
    operations.addAll(TreeSurgery.find(t.tree(), Division.class));
    if (operations.isEmpty()) {
      if (changed) {
        t.changed();
      }
      return;
    }
    SelectLabels labels = SelectLabels.of(t);
    NumberKinds kinds = new NumberKinds(t);
    // Kinds first: a replaced operand is a function call NumberKinds no longer knows.
    Map<BinaryExpression, Kind> kindOf = new IdentityHashMap<>();
    for (BinaryExpression b : operations) {
      Kind left = kinds.of(b.getLeftExpression());
      Kind right = kinds.of(b.getRightExpression());
      Kind kind = left.with(right);
      if (kind.isFloat()) {
        kindOf.put(b, kind);
      }
    }
    for (Map.Entry<BinaryExpression, Kind> e : kindOf.entrySet()) {
      BinaryExpression b = e.getKey();
      String op =
          b instanceof Addition
              ? "pl"
              : b instanceof Subtraction ? "mi" : b instanceof Multiplication ? "mul" : "div";
      String name = (e.getValue() == Kind.FLOAT4 ? "float4_" : "float8_") + op;
      changed |= TreeSurgery.replace(t.tree(), b, call(name, b));
    }
    if (changed) {
      labels.relabelReplaced(t);
      t.changed();
    }
  }

  private static Function call(String name, BinaryExpression b) {
    Function f = new Function();
    f.setName(List.of("distdb_catalog", name));
    f.setParameters(new ExpressionList<>(b.getLeftExpression(), b.getRightExpression()));
    return f;
  }

  /** {@code 'inf'::float8} → {@code 'Infinity'}; 22003 for a constant out of the type's range. */
  private static boolean readSpecialValues(Translation t) throws StatementException {
    boolean changed = false;
    for (CastExpression c : TreeSurgery.find(t.tree(), CastExpression.class)) {
      if (!(c.getLeftExpression() instanceof StringValue s) || c.getColDataType() == null) {
        continue;
      }
      Kind kind = NumberKinds.ofTypeName(c.getColDataType().getDataType());
      if (!kind.isFloat()
          || (c.getColDataType().getArrayData() != null
              && !c.getColDataType().getArrayData().isEmpty())) {
        continue;
      }
      String special = special(s.getValue());
      if (special != null) {
        if (!special.equals(s.getValue())) {
          s.setValue(special);
          changed = true;
        }
        continue;
      }
      checkRange(s.getValue(), kind);
    }
    return changed;
  }

  /** The engine's spelling of a special value PostgreSQL's float8in reads, or null. */
  static String special(String text) {
    String v = text.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
      case "-inf", "-infinity" -> "-Infinity";
      case "nan", "+nan", "-nan" -> "NaN";
      default -> null;
    };
  }

  private static void checkRange(String text, Kind kind) throws StatementException {
    String v = text.strip();
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return; // the engine reports it (22P02)
    }
    boolean out;
    if (kind == Kind.FLOAT4) {
      float f = (float) d;
      out = Float.isInfinite(f) || (f == 0 && hasNonZeroDigit(v));
    } else {
      out = Double.isInfinite(d) || (d == 0 && hasNonZeroDigit(v));
    }
    if (out) {
      throw new StatementException(
          "22003",
          "\""
              + text
              + "\" is out of range for type "
              + (kind == Kind.FLOAT4 ? "real" : "double precision"));
    }
  }

  /** Whether the mantissa (before any exponent) has a digit other than 0. */
  private static boolean hasNonZeroDigit(String v) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == 'e' || ch == 'E') {
        return false;
      }
      if (ch >= '1' && ch <= '9') {
        return true;
      }
    }
    return false;
  }
}
