package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.PostgresBuiltinFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.OracleNamedFunctionParameter;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * PostgreSQL 15 built-in functions and operators H2 lacks or answers differently: binary encodings
 * and SHA-2 digests, {@code SIMILAR TO}, interval builders, {@code AT TIME ZONE} and {@code
 * timezone()}, the clock functions, {@code extract} as numeric, numeric division's scale, boolean
 * input words, {@code pg_typeof}, array searches, regular-expression functions, set-returning
 * functions in a select list without FROM and {@code generate_series} over timestamps. Most become
 * calls of {@code storage.PostgresBuiltinFunctions} in {@code distdb_catalog}; the output label
 * stays PostgreSQL's.
 */
final class BuiltinFunctionRewrite implements Rewrite {

  /** Functions only renamed into distdb_catalog (alias name → PostgreSQL name). */
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("encode", "bytea_encode"),
          Map.entry("decode", "bytea_decode"),
          Map.entry("sha224", "sha224"),
          Map.entry("sha256", "sha256"),
          Map.entry("sha384", "sha384"),
          Map.entry("sha512", "sha512"),
          Map.entry("justify_hours", "justify_hours"),
          Map.entry("justify_days", "justify_days"),
          Map.entry("justify_interval", "justify_interval"),
          Map.entry("clock_timestamp", "clock_timestamp"),
          Map.entry("timeofday", "timeofday"),
          Map.entry("regexp_split_to_array", "regexp_split_to_array"),
          Map.entry("regexp_count", "regexp_count"),
          Map.entry("to_number", "to_number"),
          Map.entry("width_bucket", "width_bucket"),
          Map.entry("starts_with", "starts_with"));

  private static final List<String> MAKE_INTERVAL_FIELDS =
      List.of("years", "months", "weeks", "days", "hours", "mins", "secs");

  /** Fields whose value has a fraction in PostgreSQL's numeric extract, and its scale. */
  private static final Map<String, String> EXTRACT_FRACTION =
      Map.of(
          "second",
          "CAST(EXTRACT(SECOND FROM %1$s) + EXTRACT(NANOSECOND FROM %1$s) / 1000000000.0 AS"
              + " NUMERIC(38, 6))",
          "milliseconds",
          "CAST(EXTRACT(SECOND FROM %1$s) * 1000 + EXTRACT(NANOSECOND FROM %1$s) / 1000000.0 AS"
              + " NUMERIC(38, 3))",
          "microseconds",
          "CAST(EXTRACT(SECOND FROM %1$s) * 1000000 + EXTRACT(NANOSECOND FROM %1$s) / 1000 AS"
              + " NUMERIC(38, 0))");

  private static final Set<String> EXTRACT_INTEGER =
      Set.of(
          "year", "month", "day", "hour", "minute", "dow", "isodow", "doy", "quarter", "week",
          "isoyear");

  private static final Set<String> ROW_FUNCTIONS =
      Set.of("generate_series", "regexp_split_to_table", "regexp_matches");

  @Override
  public List<String> stems() {
    List<String> stems =
        new ArrayList<>(
            List.of(
                "similar",
                "make_interval",
                "to_timestamp",
                "time zone",
                "timezone(",
                "statement_timestamp",
                "transaction_timestamp",
                "isfinite",
                "extract",
                "/",
                " % ",
                "bool",
                "pg_typeof",
                "array_position",
                "array_remove",
                "array_replace",
                "regexp_",
                "overlay",
                "position",
                "num_nulls",
                "num_nonnulls",
                "generate_series",
                "distdb_op_"));
    stems.addAll(RENAMED.keySet());
    return stems;
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
    boolean changed = labelPosition(t);
    for (Object node : collector.nodes) {
      Expression replacement = fix(node);
      if (replacement != null) {
        TreeSurgery.replace(t.tree(), node, replacement);
        changed = true;
      }
    }
    for (TableFunction from : TreeSurgery.find(t.tree(), TableFunction.class)) {
      changed |= timestampSeries(from);
    }
    if (changed) {
      labels.relabelReplaced(t);
    }
    changed |= rowFunctionWithoutFrom(t);
    if (changed) {
      t.changed();
    }
  }

  private static Expression fix(Object node) throws StatementException {
    if (node instanceof LikeExpression like) {
      if (like.getLikeKeyWord() != LikeExpression.KeyWord.SIMILAR_TO || like.getEscape() != null) {
        return null;
      }
      return expr(
          (like.isNot() ? "NOT " : "")
              + "REGEXP_LIKE("
              + like.getLeftExpression()
              + ", distdb_catalog.similar_regex("
              + like.getRightExpression()
              + "))");
    }
    if (node instanceof TimezoneExpression tz) {
      if (tz.getTimezoneExpressions().size() != 1) {
        return null;
      }
      return timezone(tz.getTimezoneExpressions().get(0), tz.getLeftExpression());
    }
    if (node instanceof ExtractExpression x) {
      return extract(x);
    }
    if (node instanceof Division d) {
      if (isExact(d.getLeftExpression())
          && isExact(d.getRightExpression())
          && (isNumeric(d.getLeftExpression()) || isNumeric(d.getRightExpression()))) {
        return expr(
            "distdb_catalog.numeric_div("
                + d.getLeftExpression()
                + ", "
                + d.getRightExpression()
                + ")");
      }
      return null;
    }
    if (node instanceof CastExpression cast) {
      if (cast.getColDataType() != null
          && cast.getLeftExpression() instanceof StringValue s
          && Set.of("boolean", "bool").contains(type(cast.getColDataType().getDataType()))) {
        try {
          return new BooleanValue(PostgresBuiltinFunctions.boolIn(s.getValue()));
        } catch (IllegalArgumentException e) {
          throw new StatementException(
              "22P02", "invalid input syntax for type boolean: \"" + s.getValue() + "\"");
        }
      }
      return null;
    }
    return function((Function) node);
  }

  private static Expression function(Function f) throws StatementException {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      return null; // qualified: not ours
    }
    String name = OutputNames.functionName(f);
    List<Expression> args = arguments(f);
    String renamed = RENAMED.get(name);
    if (renamed != null) {
      return call("distdb_catalog." + renamed, args);
    }
    return switch (name) {
      case "make_interval" -> makeInterval(f);
      case "to_timestamp" ->
          args.size() == 1 ? call("distdb_catalog.to_timestamp_epoch", args) : null;
      case "timezone" -> args.size() == 2 ? timezone(args.get(0), args.get(1)) : null;
      case "statement_timestamp", "transaction_timestamp" ->
          args.isEmpty() ? expr("CURRENT_TIMESTAMP") : null;
      case "isfinite" -> args.size() == 1 ? isfinite(args.get(0)) : null;
      case "pg_typeof" -> pgTypeof(args);
      case "num_nulls", "num_nonnulls" -> countNulls(args, name.equals("num_nulls"));
      case "array_position" -> arrayPosition(args);
      case "array_positions" ->
          args.size() == 2
              ? expr(
                  "CASE WHEN "
                      + paren(args.get(0))
                      + " IS NULL THEN NULL ELSE ARRAY(SELECT distdb_i"
                      + unnest(args.get(0))
                      + " WHERE distdb_v IS NOT DISTINCT FROM "
                      + paren(args.get(1))
                      + " ORDER BY distdb_i) END")
              : null;
      case "array_remove" ->
          args.size() == 2
              ? expr(
                  "CASE WHEN "
                      + paren(args.get(0))
                      + " IS NULL THEN NULL ELSE ARRAY(SELECT distdb_v"
                      + unnest(args.get(0))
                      + " WHERE distdb_v IS DISTINCT FROM "
                      + paren(args.get(1))
                      + " ORDER BY distdb_i) END")
              : null;
      case "array_replace" ->
          args.size() == 3
              ? expr(
                  "CASE WHEN "
                      + paren(args.get(0))
                      + " IS NULL THEN NULL ELSE ARRAY(SELECT CASE WHEN distdb_v IS NOT DISTINCT"
                      + " FROM "
                      + paren(args.get(1))
                      + " THEN "
                      + paren(args.get(2))
                      + " ELSE distdb_v END"
                      + unnest(args.get(0))
                      + " ORDER BY distdb_i) END")
              : null;
      case "overlay" -> overlay(f);
      case "distdb_op_sqrt" -> call("SQRT", args);
      case "distdb_op_abs" -> call("ABS", args);
      default -> null;
    };
  }

  /** Every value the engine holds is finite: true, or null for null. */
  private static Expression isfinite(Expression value) {
    net.sf.jsqlparser.expression.operators.relational.IsNullExpression notNull =
        new net.sf.jsqlparser.expression.operators.relational.IsNullExpression(value);
    notNull.setNot(true);
    return call("NULLIF", List.of(notNull, new BooleanValue(false)));
  }

  private static String unnest(Expression array) {
    return " FROM UNNEST(" + array + ") WITH ORDINALITY AS distdb_u(distdb_v, distdb_i)";
  }

  private static Expression arrayPosition(List<Expression> args) {
    if (args.size() != 2 && args.size() != 3) {
      return null;
    }
    return expr(
        "(SELECT CAST(MIN(distdb_i) AS INTEGER)"
            + unnest(args.get(0))
            + " WHERE distdb_v IS NOT DISTINCT FROM "
            + paren(args.get(1))
            + (args.size() == 3 ? " AND distdb_i >= " + paren(args.get(2)) : "")
            + ")");
  }

  private static Expression countNulls(List<Expression> args, boolean nulls) {
    if (args.isEmpty()) {
      return null;
    }
    StringBuilder sum = new StringBuilder("CAST(0");
    for (Expression a : args) {
      sum.append(" + CASE WHEN ")
          .append(paren(a))
          .append(nulls ? " IS NULL" : " IS NOT NULL")
          .append(" THEN 1 ELSE 0 END");
    }
    return expr(sum.append(" AS INTEGER)").toString());
  }

  /**
   * pg_typeof: a bare string literal is unknown; anything else the engine's value type. Declared
   * {@code VARCHAR(999999997)}, which the session reports as regtype (2206).
   */
  private static Expression pgTypeof(List<Expression> args) {
    if (args.size() != 1) {
      return null;
    }
    String name;
    if (args.get(0) instanceof StringValue) {
      name = "'unknown'";
    } else if (isTimestampTz(args.get(0))) {
      name = "'timestamp with time zone'"; // the engine's NOW() has no zone
    } else {
      name = call("distdb_catalog.pg_typeof", args).toString();
    }
    return expr("CAST(" + name + " AS VARCHAR(" + REGTYPE_LENGTH + "))");
  }

  /** The declared length service.JdbcTypes reports as regtype. */
  static final String REGTYPE_LENGTH = "999999997";

  private static Expression overlay(Function f) {
    NamedExpressionList<?> named = f.getNamedParameters();
    if (named == null) {
      return null;
    }
    List<String> names = named.getNames();
    List<Expression> values = new ArrayList<>();
    for (Object e : named) {
      values.add((Expression) e);
    }
    List<String> lower = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    if ((lower.equals(List.of("", "placing", "from"))
        || lower.equals(List.of("", "placing", "from", "for")))) {
      return call("distdb_catalog.text_overlay", values);
    }
    return null;
  }

  private static Expression makeInterval(Function f) throws StatementException {
    Map<String, Expression> fields = new LinkedHashMap<>();
    List<Expression> args = arguments(f);
    for (int i = 0; i < args.size(); i++) {
      Expression a = args.get(i);
      if (a instanceof OracleNamedFunctionParameter p) {
        String field = p.getName().toLowerCase(Locale.ROOT);
        if (!MAKE_INTERVAL_FIELDS.contains(field)) {
          throw new StatementException(
              "42883", "function make_interval(" + field + " => integer) does not exist");
        }
        fields.put(field, p.getExpression());
      } else if (i < MAKE_INTERVAL_FIELDS.size()) {
        fields.put(MAKE_INTERVAL_FIELDS.get(i), a);
      } else {
        return null;
      }
    }
    List<Expression> out = new ArrayList<>();
    for (String field : MAKE_INTERVAL_FIELDS) {
      Expression v = fields.get(field);
      out.add(v != null ? v : field.equals("secs") ? new DoubleValue("0.0") : new LongValue(0));
    }
    return call("distdb_catalog.make_interval", out);
  }

  /**
   * {@code ts AT TIME ZONE zone} by the visible type of ts (timestamptz unless it is visibly not).
   */
  private static Expression timezone(Expression zone, Expression value) {
    String fn = isTimestamp(value) ? "timezone_local" : "timezone_tz";
    return call("distdb_catalog." + fn, List.of(zone, value));
  }

  private static Expression extract(ExtractExpression x) {
    String field = x.getName().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
    if (field.equals("epoch")) {
      // Built on the node itself: an interval's engine text does not parse again.
      return castTo(x, "NUMERIC(38, " + (isDate(x.getExpression()) ? 0 : 6) + ")");
    }
    String template = EXTRACT_FRACTION.get(field);
    if (template != null) {
      return isDate(x.getExpression())
          ? null
          : expr(String.format(template, paren(x.getExpression())));
    }
    if (field.equals("week") || field.equals("isoyear")) {
      // ISO 8601 weeks, as PostgreSQL's; the engine's WEEK follows its locale
      ExtractExpression iso = new ExtractExpression();
      iso.setName(field.equals("week") ? "ISO_WEEK" : "ISO_WEEK_YEAR");
      iso.setExpression(x.getExpression());
      return castTo(iso, "NUMERIC(38, 0)");
    }
    if (EXTRACT_INTEGER.contains(field)) {
      return castTo(x, "NUMERIC(38, 0)");
    }
    return null;
  }

  private static Expression castTo(Expression e, String type) {
    CastExpression cast = (CastExpression) expr("CAST(NULL AS " + type + ")");
    cast.setLeftExpression(e);
    return cast;
  }

  /** Labels {@code position(a in b)} position (H2 says locate) and {@code a % b} ?column?. */
  private static boolean labelPosition(Translation t) {
    if (!(t.tree() instanceof PlainSelect select) || select.getSelectItems() == null) {
      return false;
    }
    boolean changed = false;
    for (SelectItem<?> item : select.getSelectItems()) {
      if (item.getAlias() == null
          && item.getExpression() instanceof Function f
          && f.getName() != null
          && OutputNames.functionName(f).equals("position")
          && f.getNamedParameters() != null) {
        item.setAlias(new Alias("\"position\"", true));
        changed = true;
      } else if (item.getAlias() == null
          && item.getExpression()
              instanceof net.sf.jsqlparser.expression.operators.arithmetic.Modulo) {
        item.setAlias(new Alias("\"?column?\"", true)); // H2 says mod
        changed = true;
      }
    }
    return changed;
  }

  /** {@code FROM generate_series(timestamp, timestamp, interval)}: the engine's one is numeric. */
  private static boolean timestampSeries(TableFunction from) {
    Function f = from.getFunction();
    if (f == null || !OutputNames.functionName(f).equals("generate_series")) {
      return false;
    }
    List<Expression> args = arguments(f);
    if (args.size() != 3 || !(isTimestamp(args.get(0)) || isTimestamp(args.get(1)))) {
      return false;
    }
    Function series = (Function) call("distdb_catalog.generate_series_ts", args);
    f.setName("UNNEST");
    f.setParameters(new net.sf.jsqlparser.expression.operators.relational.ExpressionList<>(series));
    return true;
  }

  /**
   * {@code SELECT generate_series(1, 3)} and the other set-returning functions alone in a select
   * list without FROM (H2 has no set-returning functions there), on its own or as the rows of an
   * {@code INSERT ... SELECT}: the function becomes the FROM.
   */
  private static boolean rowFunctionWithoutFrom(Translation t) {
    Object body =
        t.tree() instanceof net.sf.jsqlparser.statement.insert.Insert insert
            ? insert.getSelect()
            : t.tree();
    if (!(body instanceof PlainSelect select)
        || select.getFromItem() != null
        || select.getSelectItems() == null) {
      return false;
    }
    SelectItem<?> target = null;
    for (SelectItem<?> item : select.getSelectItems()) {
      if (item.getExpression() instanceof Function f
          && f.getName() != null
          && (f.getMultipartName() == null || f.getMultipartName().size() == 1)
          && ROW_FUNCTIONS.contains(OutputNames.functionName(f))) {
        if (target != null) {
          return false; // several: PostgreSQL zips them; not translated
        }
        target = item;
      }
    }
    if (target == null) {
      return false;
    }
    Function f = (Function) target.getExpression();
    String name = OutputNames.functionName(f);
    List<Expression> args = arguments(f);
    String from;
    String value = "distdb_srf.distdb_v";
    switch (name) {
      case "generate_series" -> {
        if (args.size() == 3 && (isTimestamp(args.get(0)) || isTimestamp(args.get(1)))) {
          from = "UNNEST(distdb_catalog.generate_series_ts(" + join(args) + "))";
        } else if (args.size() == 2 || args.size() == 3) {
          from = "GENERATE_SERIES(" + join(args) + ")";
          if (args.stream().allMatch(BuiltinFunctionRewrite::isInteger)) {
            value = "CAST(distdb_srf.distdb_v AS INTEGER)";
          }
        } else {
          return false;
        }
      }
      case "regexp_split_to_table" -> {
        from = "UNNEST(distdb_catalog.regexp_split_to_array(" + join(args) + "))";
      }
      case "regexp_matches" -> {
        from = "UNNEST(distdb_catalog.regexp_matches(" + join(args) + "))";
      }
      default -> {
        return false;
      }
    }
    PlainSelect holder =
        (PlainSelect) PostgresParser.parse("SELECT 1 FROM " + from + " AS distdb_srf(distdb_v)");
    if (holder == null) {
      return false;
    }
    FromItem item = holder.getFromItem();
    select.setFromItem(item);
    if (target.getAlias() == null) {
      target.setAlias(new Alias("\"" + name + "\"", true));
    }
    @SuppressWarnings("unchecked")
    SelectItem<Expression> typed = (SelectItem<Expression>) target;
    Expression column = expr(value);
    if (name.equals("regexp_matches")) {
      // The engine does not type the elements of a nested array: text[] as PostgreSQL's.
      CastExpression cast = new CastExpression();
      cast.setLeftExpression(column);
      net.sf.jsqlparser.statement.create.table.ColDataType type =
          new net.sf.jsqlparser.statement.create.table.ColDataType();
      type.setDataType("VARCHAR ARRAY");
      cast.setColDataType(type);
      column = cast;
    }
    typed.setExpression(column);
    return true;
  }

  static boolean isInteger(Expression e) {
    if (e instanceof LongValue l) {
      return l.getValue() >= Integer.MIN_VALUE && l.getValue() <= Integer.MAX_VALUE;
    }
    if (e instanceof net.sf.jsqlparser.expression.SignedExpression s) {
      return isInteger(s.getExpression());
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return Set.of("int", "integer", "int4").contains(type(c.getColDataType().getDataType()));
    }
    return false;
  }

  /** Visibly an exact number: an integer or decimal literal, a cast to one, numeric_div. */
  private static boolean isExact(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isExact(p.get(0));
    }
    if (e instanceof net.sf.jsqlparser.expression.SignedExpression s) {
      return isExact(s.getExpression());
    }
    if (e instanceof LongValue || e instanceof DoubleValue) {
      return true;
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return Set.of(
              "int", "integer", "int4", "int2", "smallint", "int8", "bigint", "numeric", "decimal")
          .contains(type(c.getColDataType().getDataType()));
    }
    return isNumeric(e);
  }

  /** Visibly numeric: a decimal literal, a cast to numeric, a numeric division. */
  private static boolean isNumeric(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isNumeric(p.get(0));
    }
    if (e instanceof net.sf.jsqlparser.expression.SignedExpression s) {
      return isNumeric(s.getExpression());
    }
    if (e instanceof DoubleValue) {
      return true;
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return Set.of("numeric", "decimal").contains(type(c.getColDataType().getDataType()));
    }
    return e instanceof Function f
        && f.getName() != null
        && f.getName().toLowerCase(Locale.ROOT).equals("distdb_catalog.numeric_div");
  }

  private static boolean isTimestamp(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isTimestamp(p.get(0));
    }
    if (e instanceof DateTimeLiteralExpression d) {
      return d.getType() == DateTimeLiteralExpression.DateTime.TIMESTAMP;
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return Set.of("timestamp", "timestamp without time zone")
          .contains(type(c.getColDataType().getDataType()));
    }
    return e instanceof TimeKeyExpression k
        && k.getStringValue().toLowerCase(Locale.ROOT).startsWith("localtimestamp");
  }

  private static boolean isTimestampTz(Expression e) {
    if (e instanceof Function f && f.getName() != null) {
      return Set.of("now", "current_timestamp", "transaction_timestamp", "statement_timestamp")
          .contains(f.getName().toLowerCase(Locale.ROOT));
    }
    return e instanceof TimeKeyExpression k
        && k.getStringValue().toLowerCase(Locale.ROOT).startsWith("current_timestamp");
  }

  private static boolean isDate(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isDate(p.get(0));
    }
    if (e instanceof DateTimeLiteralExpression d) {
      return d.getType() == DateTimeLiteralExpression.DateTime.DATE;
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      return type(c.getColDataType().getDataType()).equals("date");
    }
    return e instanceof TimeKeyExpression k
        && k.getStringValue().toLowerCase(Locale.ROOT).replace("()", "").equals("current_date");
  }

  private static String type(String dataType) {
    return PostgresTypes.normalize(dataType);
  }

  private static String paren(Expression e) {
    return "(" + e + ")";
  }

  private static String join(List<Expression> args) {
    return String.join(", ", args.stream().map(Object::toString).toList());
  }

  /** A call of {@code name} on the argument nodes themselves (their text may not parse again). */
  private static Expression call(String name, List<Expression> args) {
    Function f = new Function();
    f.setName(List.of(name.split("\\.")));
    f.setParameters(new net.sf.jsqlparser.expression.operators.relational.ExpressionList<>(args));
    return f;
  }

  private static Expression expr(String sql) {
    return PostgresParser.expression(sql);
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

  /** Candidate nodes, children before parents. */
  private static final class Collector extends TablesNamesFinder<Void> {
    private final List<Object> nodes = new ArrayList<>();

    @Override
    public <S> Void visit(LikeExpression like, S context) {
      super.visit(like, context);
      nodes.add(like);
      return null;
    }

    @Override
    public <S> Void visit(TimezoneExpression tz, S context) {
      super.visit(tz, context);
      nodes.add(tz);
      return null;
    }

    @Override
    public <S> Void visit(ExtractExpression x, S context) {
      super.visit(x, context);
      nodes.add(x);
      return null;
    }

    @Override
    public <S> Void visit(Division d, S context) {
      super.visit(d, context);
      nodes.add(d);
      return null;
    }

    @Override
    public <S> Void visit(CastExpression c, S context) {
      super.visit(c, context);
      nodes.add(c);
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
