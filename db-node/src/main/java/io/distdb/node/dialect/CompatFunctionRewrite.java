package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseXor;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * PostgreSQL functions and operators H2 spells differently or lacks: {@code date_part} (H2's
 * EXTRACT, as double precision, seconds with their fraction), {@code x ^ y} (power; H2 has no such
 * operator), {@code date - date} (days as integer, where H2 answers an interval), {@code age},
 * {@code left}/{@code right} with negative counts, {@code string_to_array}
 * (storage.PostgresCompatFunctions; H2's own {@code array_to_string} already answers as
 * PostgreSQL's). The output label stays PostgreSQL's.
 */
final class CompatFunctionRewrite implements Rewrite {

  /** PostgreSQL's date_part fields and the engine expression for each ({@code %s} is the value). */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("year", "EXTRACT(YEAR FROM %s)"),
          Map.entry("month", "EXTRACT(MONTH FROM %s)"),
          Map.entry("day", "EXTRACT(DAY FROM %s)"),
          Map.entry("hour", "EXTRACT(HOUR FROM %s)"),
          Map.entry("minute", "EXTRACT(MINUTE FROM %s)"),
          Map.entry("second", "(EXTRACT(SECOND FROM %1$s) + EXTRACT(NANOSECOND FROM %1$s) / 1E9)"),
          Map.entry(
              "milliseconds",
              "(EXTRACT(SECOND FROM %1$s) * 1000 + EXTRACT(NANOSECOND FROM %1$s) / 1E6)"),
          Map.entry(
              "microseconds",
              "(EXTRACT(SECOND FROM %1$s) * 1000000 + EXTRACT(NANOSECOND FROM %1$s) / 1E3)"),
          Map.entry("dow", "EXTRACT(DOW FROM %s)"),
          Map.entry("isodow", "EXTRACT(ISODOW FROM %s)"),
          Map.entry("doy", "EXTRACT(DOY FROM %s)"),
          Map.entry("quarter", "EXTRACT(QUARTER FROM %s)"),
          Map.entry("week", "EXTRACT(ISO_WEEK FROM %s)"),
          Map.entry("isoyear", "EXTRACT(ISO_WEEK_YEAR FROM %s)"),
          Map.entry("epoch", "EXTRACT(EPOCH FROM %s)"));

  /** distdb_catalog alias of each function whose call is only renamed. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "left", "text_left",
          "right", "text_right",
          "string_to_array", "string_to_array");

  @Override
  public List<String> stems() {
    return List.of(
        "date_part",
        "date_trunc",
        "age(",
        "age (",
        "left(",
        "right(",
        "_array",
        "array_length",
        "array_upper",
        "array_lower",
        "array_prepend",
        "^",
        "date '",
        "::date",
        "current_date",
        "as date");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    Collector collector = new Collector();
    try {
      collector.getTables(t.tree());
    } catch (UnsupportedOperationException e) {
      return;
    }
    SelectLabels labels = SelectLabels.of(t);
    boolean changed = false;
    for (Object node : collector.nodes) {
      Expression replacement = fix(node);
      if (replacement != null) {
        TreeSurgery.replace(t.tree(), node, replacement);
        changed = true;
      } else if (node instanceof Function f && rename(f)) {
        changed = true;
      }
    }
    if (changed) {
      labels.relabelReplaced(t);
      t.changed();
    }
  }

  private static Expression fix(Object node) throws StatementException {
    if (node instanceof BitwiseXor xor) {
      return PostgresParser.expression(
          "POWER(" + xor.getLeftExpression() + ", " + xor.getRightExpression() + ")");
    }
    if (node instanceof Addition plus) {
      // date + interval is a timestamp in PostgreSQL; the engine's stays a date.
      Expression l = plus.getLeftExpression();
      Expression r = plus.getRightExpression();
      if (isDate(l) && isInterval(r)) {
        return new Addition().withLeftExpression(timestamp(l)).withRightExpression(r);
      }
      if (isInterval(l) && isDate(r)) {
        return new Addition().withLeftExpression(l).withRightExpression(timestamp(r));
      }
      return null;
    }
    if (node instanceof Subtraction minus) {
      if (isDate(minus.getLeftExpression()) && isInterval(minus.getRightExpression())) {
        return new Subtraction()
            .withLeftExpression(timestamp(minus.getLeftExpression()))
            .withRightExpression(minus.getRightExpression());
      }
      if (isDate(minus.getLeftExpression()) && isDate(minus.getRightExpression())) {
        return PostgresParser.expression(
            "CAST(DATEDIFF(DAY, "
                + minus.getRightExpression()
                + ", "
                + minus.getLeftExpression()
                + ") AS INTEGER)");
      }
      return null;
    }
    Function f = (Function) node;
    List<Expression> args = arguments(f);
    return switch (OutputNames.functionName(f)) {
      case "date_part" -> datePart(args);
      case "date_trunc" -> isoWeek(args);
      case "age" -> age(args);
      case "array_length", "array_upper" -> firstDimension(args, "NULLIF(CARDINALITY(%s), 0)");
      case "array_lower" -> firstDimension(args, "CASE WHEN CARDINALITY(%s) > 0 THEN 1 END");
      case "array_prepend" ->
          args.size() == 2
              ? PostgresParser.expression(
                  "ARRAY_CAT(ARRAY[" + args.get(0) + "], " + args.get(1) + ")")
              : null;
      default -> null;
    };
  }

  /** {@code date_trunc('week', x)}: PostgreSQL's weeks start on Monday, the engine's on Sunday. */
  private static Expression isoWeek(List<Expression> args) throws StatementException {
    if (args.size() == 2
        && args.get(0) instanceof StringValue field
        && field.getValue().strip().equalsIgnoreCase("week")) {
      return PostgresParser.expression("DATE_TRUNC('ISO_WEEK', " + args.get(1) + ")");
    }
    return null;
  }

  private static Expression timestamp(Expression date) throws StatementException {
    return PostgresParser.expression("CAST(" + date + " AS TIMESTAMP)");
  }

  /** An interval constant as IntervalRewrite leaves it ({@code INTERVAL '1' DAY}). */
  private static boolean isInterval(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isInterval(p.get(0));
    }
    return e instanceof IntervalExpression
        || (e instanceof CastExpression c
            && c.getColDataType() != null
            && c.getColDataType().getDataType().toLowerCase(Locale.ROOT).startsWith("interval"));
  }

  private static Expression datePart(List<Expression> args) throws StatementException {
    if (args.size() != 2 || !(args.get(0) instanceof StringValue field)) {
      throw unsupported("date_part with a field that is not a constant");
    }
    String name = field.getValue().toLowerCase(Locale.ROOT);
    String template = FIELDS.get(name);
    if (template == null) {
      throw unsupported("date_part field \"" + name + "\"");
    }
    return PostgresParser.expression(
        "CAST(" + String.format(template, "(" + args.get(1) + ")") + " AS DOUBLE PRECISION)");
  }

  /**
   * array_length(a, 1) and friends: the engine's arrays have one dimension with lower bound 1, and
   * PostgreSQL answers null for an empty array. Other dimensions are left for the engine to refuse.
   */
  private static Expression firstDimension(List<Expression> args, String template) {
    if (args.size() != 2
        || !(args.get(1) instanceof net.sf.jsqlparser.expression.LongValue d)
        || d.getValue() != 1) {
      return null;
    }
    return PostgresParser.expression(String.format(template, "(" + args.get(0) + ")"));
  }

  /** age(x) is age(current_date, x), from midnight, as in PostgreSQL. */
  private static Expression age(List<Expression> args) {
    if (args.size() == 1) {
      return PostgresParser.expression(
          "distdb_catalog.age(CAST(CURRENT_DATE AS TIMESTAMP), " + args.get(0) + ")");
    }
    if (args.size() == 2) {
      return PostgresParser.expression(
          "distdb_catalog.age(" + args.get(0) + ", " + args.get(1) + ")");
    }
    return null;
  }

  private static boolean rename(Function f) {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      return false;
    }
    String alias = RENAMED.get(OutputNames.functionName(f));
    if (alias == null) {
      return false;
    }
    f.setName(List.of("distdb_catalog", alias));
    return true;
  }

  private static boolean isDate(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isDate(p.get(0));
    }
    if (e instanceof DateTimeLiteralExpression d) {
      return d.getType() == DateTimeLiteralExpression.DateTime.DATE;
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return PostgresTypes.normalize(c.getColDataType().getDataType()).equals("date");
    }
    return e instanceof TimeKeyExpression k
        && k.getStringValue().toLowerCase(Locale.ROOT).replace("()", "").equals("current_date");
  }

  private static List<Expression> arguments(Function f) {
    List<Expression> out = new ArrayList<>();
    if (f.getParameters() != null) {
      for (Object e : f.getParameters()) {
        out.add((Expression) e);
      }
    }
    return out;
  }

  private static StatementException unsupported(String feature) {
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED, feature + " is not supported by distdb");
  }

  /** Candidate nodes, children before parents. */
  private static final class Collector extends TablesNamesFinder<Void> {
    private final List<Object> nodes = new ArrayList<>();

    @Override
    public <S> Void visit(BitwiseXor xor, S context) {
      super.visit(xor, context);
      nodes.add(xor);
      return null;
    }

    @Override
    public <S> Void visit(Addition plus, S context) {
      super.visit(plus, context);
      nodes.add(plus);
      return null;
    }

    @Override
    public <S> Void visit(Subtraction minus, S context) {
      super.visit(minus, context);
      nodes.add(minus);
      return null;
    }

    @Override
    public <S> Void visit(Function f, S context) {
      super.visit(f, context);
      if (f.getName() != null) {
        nodes.add(f);
      }
      return null;
    }
  }
}
