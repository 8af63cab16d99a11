package io.distdb.node.dialect;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The column label PostgreSQL gives a result expression, where H2's PostgreSQL mode labels it
 * differently: H2 calls an aggregate {@code ?column?} and every cast {@code cast}; PostgreSQL names
 * an aggregate by its function, {@code x::int} after x and {@code 1::int} after the type.
 */
final class OutputNames {

  /** Functions H2 does not label by their name (aggregates), and the advisory lock stand-ins. */
  static final Set<String> MISLABELLED_FUNCTIONS =
      Set.of(
          "count",
          "sum",
          "avg",
          "min",
          "max",
          "every",
          "bool_and",
          "bool_or",
          "string_agg",
          "array_agg",
          "array_append",
          "array_cat",
          "array_length",
          "array_upper",
          "array_lower",
          "array_prepend",
          "listagg",
          "stddev",
          "stddev_pop",
          "stddev_samp",
          "variance",
          "var_pop",
          "var_samp",
          "bit_and",
          "bit_or",
          "json_agg",
          "jsonb_agg",
          "md5",
          "substr",
          "chr",
          "pg_advisory_lock",
          "pg_advisory_lock_shared",
          "pg_try_advisory_lock",
          "pg_try_advisory_lock_shared",
          "pg_advisory_unlock",
          "pg_advisory_unlock_shared",
          "pg_advisory_unlock_all",
          "pg_advisory_xact_lock",
          "pg_advisory_xact_lock_shared",
          "pg_try_advisory_xact_lock",
          "pg_try_advisory_xact_lock_shared");

  private OutputNames() {}

  /** Gives {@code item} PostgreSQL's label as an alias; true if it needed one. */
  static boolean label(SelectItem<?> item) {
    if (item.getAlias() != null) {
      return false;
    }
    String label = labelOf(item.getExpression());
    if (label == null) {
      return false;
    }
    item.setAlias(new Alias("\"" + label.replace("\"", "\"\"") + "\"", true));
    return true;
  }

  /** PostgreSQL's label for {@code e}, or null where H2's label already matches. */
  static String labelOf(Expression e) {
    if (e instanceof Function f && f.getName() != null) {
      String name = functionName(f);
      return MISLABELLED_FUNCTIONS.contains(name) ? name : null;
    }
    if (e instanceof net.sf.jsqlparser.expression.TrimFunction trim) {
      // PostgreSQL's trim(...) is btrim, ltrim or rtrim; H2 labels it trim
      var spec = trim.getTrimSpecification();
      return spec == null || spec.name().equals("BOTH")
          ? "btrim"
          : spec.name().equals("LEADING") ? "ltrim" : "rtrim";
    }
    if (e instanceof IntervalExpression i && i.getExpression() == null) {
      return "interval"; // a literal: PostgreSQL names it after its type, as 'x'::interval
    }
    if (e instanceof CaseExpression) {
      return "case";
    }
    if (e instanceof ExistsExpression) {
      return "exists";
    }
    if (e instanceof AnalyticExpression a && a.getName() != null) {
      // Window functions and FILTER: H2 labels them ?column?, PostgreSQL by the function.
      return a.getName().substring(a.getName().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
    if (e instanceof net.sf.jsqlparser.expression.ArrayExpression a
        && a.getObjExpression() instanceof Column c) {
      return columnLabel(c); // tags[1] is labelled tags
    }
    if (e instanceof Column c && c.getArrayConstructor() != null) {
      return columnLabel(c); // how JSqlParser holds tags[1]
    }
    if (e instanceof CastExpression cast && cast.getColDataType() != null) {
      Expression inner = cast.getLeftExpression();
      if (inner instanceof Column c) {
        return columnLabel(c);
      }
      if (inner instanceof Function f && f.getName() != null) {
        return functionName(f);
      }
      if (inner instanceof CastExpression) {
        return labelOf(inner);
      }
      if (inner instanceof net.sf.jsqlparser.expression.ArrayConstructor) {
        return "array";
      }
      return PostgresTypes.castLabel(cast.getColDataType().getDataType());
    }
    return null;
  }

  private static String columnLabel(Column c) {
    return c.getColumnName().startsWith("\"")
        ? c.getColumnName().substring(1, c.getColumnName().length() - 1)
        : c.getColumnName().toLowerCase(Locale.ROOT);
  }

  /** The unqualified name, lower case: {@code pg_catalog.COUNT} → count. */
  static String functionName(Function f) {
    String name = f.getName();
    int dot = name.lastIndexOf('.');
    return name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
