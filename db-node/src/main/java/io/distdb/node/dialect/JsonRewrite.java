package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.TextArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * json and jsonb as PostgreSQL has them, on the engine's JSON type. H2 stores JSON but cannot look
 * inside it, and turns a character string cast to JSON into a JSON <em>string</em>; so casts to
 * json/jsonb, jsonb's operators ({@code -> ->> #> #>> @> <@ ? ?| ?& || -}) and functions become
 * calls of distdb's own implementations in {@code distdb_catalog} (storage.PostgresJsonFunctions),
 * each JSON result cast back to the engine's JSON type. {@code json} columns are declared {@code
 * JSON(999999999)}, which is how the session tells json (114) from jsonb (3802). {@code ||} and
 * {@code -} are jsonb's only where an operand is visibly jsonb (a cast, operator or function
 * above). The json builders ({@code json_build_object}, {@code json_agg}, {@code row_to_json})
 * return json text as PostgreSQL prints it, declared {@code VARCHAR(999999998)}; set-returning
 * functions in FROM are {@link JsonSetFunctionRewrite}'s.
 */
final class JsonRewrite implements Rewrite {

  /** The declared length of PostgreSQL's json (service.JdbcTypes reads it back). */
  static final String JSON_LENGTH = "999999999";

  /**
   * The declared length of a character string that is json text as PostgreSQL printed it (the json
   * builders' results): service.JdbcTypes reports it as json (114) and sends it unchanged.
   */
  static final String JSON_TEXT_LENGTH = "999999998";

  private static final String SCHEMA = "distdb_catalog.";

  /** jsonb functions returning jsonb: name → (engine function, which arguments are values). */
  private static final Set<String> JSON_RESULT_FUNCTIONS =
      Set.of(
          "jsonb_build_object",
          "jsonb_build_array",
          "to_jsonb",
          "jsonb_agg",
          "jsonb_object_agg",
          "jsonb_set",
          "jsonb_extract_path",
          "jsonb_strip_nulls");

  private static final Set<String> SCALAR_FUNCTIONS =
      Set.of(
          "jsonb_typeof",
          "jsonb_array_length",
          "jsonb_extract_path_text",
          "jsonb_pretty",
          "json_build_object",
          "json_build_array",
          "json_agg",
          "row_to_json");

  private static final Set<String> UNSUPPORTED_FUNCTIONS =
      Set.of(
          "jsonb_populate_record",
          "jsonb_to_record",
          "jsonb_path_query",
          "json_object_agg",
          "to_json",
          "jsonb_insert");

  @Override
  public List<String> stems() {
    return List.of("json", "->", "#>", "@>", "<@", "?");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    boolean changed = declareColumns(t);
    Collector collector = new Collector();
    try {
      collector.getTables(t.tree());
    } catch (UnsupportedOperationException e) {
      // a statement kind without expressions
    }
    if (!collector.nodes.isEmpty()) {
      labelFunctions(t);
      List<Expression> before = selectExpressions(t);
      new Fixer(t).fixAll(collector.nodes);
      labelReplacedOperators(t, before);
      changed = true;
    }
    if (changed) {
      t.changed();
    }
  }

  /** {@code json} columns in CREATE / ALTER TABLE become {@code JSON(999999999)}. */
  private static boolean declareColumns(Translation t) {
    boolean changed = false;
    if (t.tree() instanceof CreateTable create && create.getColumnDefinitions() != null) {
      for (ColumnDefinition column : create.getColumnDefinitions()) {
        changed |= documentDefault(column);
        changed |= declareJson(column.getColDataType());
      }
    }
    if (t.tree() instanceof Alter alter && alter.getAlterExpressions() != null) {
      for (AlterExpression e : alter.getAlterExpressions()) {
        if (e.getColDataTypeList() != null) {
          for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
            changed |= documentDefault(c);
            changed |= declareJson(c.getColDataType());
          }
        }
      }
    }
    return changed;
  }

  /**
   * A json(b) column's {@code DEFAULT '{}'} is the document in PostgreSQL; the engine would store
   * the string. H2's JSON literal, {@code JSON '{}'}, is the document.
   */
  private static boolean documentDefault(ColumnDefinition column) {
    List<String> specs = column.getColumnSpecs();
    if (specs == null || !isJsonType(column.getColDataType())) {
      return false;
    }
    for (int i = 0; i + 1 < specs.size(); i++) {
      if (specs.get(i).equalsIgnoreCase("DEFAULT") && specs.get(i + 1).startsWith("'")) {
        List<String> fixed = new ArrayList<>(specs);
        fixed.add(i + 1, "JSON");
        column.setColumnSpecs(fixed);
        return true;
      }
    }
    return false;
  }

  private static boolean declareJson(ColDataType type) {
    if (type == null || !"json".equals(typeName(type))) {
      return false;
    }
    type.setDataType("JSON");
    type.setArgumentsStringList(List.of(JSON_LENGTH));
    return true;
  }

  /** H2 labels a call by its qualified text; PostgreSQL by the function's name. */
  private static void labelFunctions(Translation t) {
    for (SelectItem<?> item : selectItems(t)) {
      if (item.getExpression() instanceof Function f
          && f.getName() != null
          && item.getAlias() == null
          && (JSON_RESULT_FUNCTIONS.contains(OutputNames.functionName(f))
              || SCALAR_FUNCTIONS.contains(OutputNames.functionName(f)))) {
        item.setAlias(new Alias("\"" + OutputNames.functionName(f) + "\"", true));
      }
    }
  }

  /** An operator that became a call is labelled {@code ?column?}, as PostgreSQL labels it. */
  private static void labelReplacedOperators(Translation t, List<Expression> before) {
    List<SelectItem<?>> items = selectItems(t);
    for (int i = 0; i < items.size() && i < before.size(); i++) {
      SelectItem<?> item = items.get(i);
      if (item.getExpression() != before.get(i) && item.getAlias() == null) {
        item.setAlias(new Alias("\"?column?\"", true));
      }
    }
  }

  private static List<SelectItem<?>> selectItems(Translation t) {
    if (t.tree() instanceof PlainSelect select && select.getSelectItems() != null) {
      return new ArrayList<>(select.getSelectItems());
    }
    return List.of();
  }

  private static List<Expression> selectExpressions(Translation t) {
    List<Expression> out = new ArrayList<>();
    for (SelectItem<?> item : selectItems(t)) {
      out.add(item.getExpression());
    }
    return out;
  }

  static boolean isJsonType(ColDataType type) {
    String name = typeName(type);
    return "json".equals(name) || "jsonb".equals(name);
  }

  /** An ARRAY[...] constructor or a cast to an array type, before or after TypeNameRewrite. */
  private static boolean isVisiblyArray(Expression e) {
    if (e instanceof net.sf.jsqlparser.expression.ArrayConstructor) {
      return true;
    }
    if (!(e instanceof CastExpression cast) || cast.getColDataType() == null) {
      return false;
    }
    ColDataType type = cast.getColDataType();
    String name = type.getDataType() == null ? "" : type.getDataType().toUpperCase(Locale.ROOT);
    return (type.getArrayData() != null && !type.getArrayData().isEmpty())
        || name.endsWith("[]")
        || name.endsWith(" ARRAY")
        || cast.getLeftExpression() instanceof net.sf.jsqlparser.expression.ArrayConstructor;
  }

  private static String typeName(ColDataType type) {
    if (type == null || type.getDataType() == null) {
      return null;
    }
    if (type.getArrayData() != null && !type.getArrayData().isEmpty()) {
      return null;
    }
    return PostgresTypes.normalize(type.getDataType());
  }

  /** The nodes to fix, children before their parents. */
  private static final class Collector extends TablesNamesFinder<Void> {
    private final List<Object> nodes = new ArrayList<>();

    @Override
    public <S> Void visit(CastExpression cast, S context) {
      super.visit(cast, context);
      if (isJsonType(cast.getColDataType())
          || "text".equals(typeName(cast.getColDataType()))
          || "varchar".equals(typeName(cast.getColDataType()))) {
        nodes.add(cast);
      }
      return null;
    }

    @Override
    public <S> Void visit(JsonExpression json, S context) {
      super.visit(json, context);
      nodes.add(json);
      return null;
    }

    @Override
    public <S> Void visit(JsonOperator json, S context) {
      super.visit(json, context);
      nodes.add(json);
      return null;
    }

    @Override
    public <S> Void visit(EqualsTo equals, S context) {
      super.visit(equals, context);
      nodes.add(equals);
      return null;
    }

    @Override
    public <S> Void visit(NotEqualsTo notEquals, S context) {
      super.visit(notEquals, context);
      nodes.add(notEquals);
      return null;
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
      super.visit(in, context);
      nodes.add(in);
      return null;
    }

    @Override
    public <S> Void visit(GreaterThan comparison, S context) {
      super.visit(comparison, context);
      nodes.add(comparison);
      return null;
    }

    @Override
    public <S> Void visit(GreaterThanEquals comparison, S context) {
      super.visit(comparison, context);
      nodes.add(comparison);
      return null;
    }

    @Override
    public <S> Void visit(MinorThan comparison, S context) {
      super.visit(comparison, context);
      nodes.add(comparison);
      return null;
    }

    @Override
    public <S> Void visit(MinorThanEquals comparison, S context) {
      super.visit(comparison, context);
      nodes.add(comparison);
      return null;
    }

    @Override
    public <S> Void visit(Concat concat, S context) {
      super.visit(concat, context);
      nodes.add(concat);
      return null;
    }

    @Override
    public <S> Void visit(Subtraction subtraction, S context) {
      super.visit(subtraction, context);
      nodes.add(subtraction);
      return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      super.visit(function, context);
      if (function.getName() != null
          && function.getName().toLowerCase(Locale.ROOT).contains("json")) {
        nodes.add(function);
      }
      return null;
    }
  }

  /** Rewrites the collected nodes in order, remembering which expressions are JSON-valued. */
  private static final class Fixer {
    private final Translation t;
    private final Set<Expression> json = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Expression> jsonText = Collections.newSetFromMap(new IdentityHashMap<>());

    Fixer(Translation t) {
      this.t = t;
    }

    void fixAll(List<Object> nodes) throws StatementException {
      for (Object node : nodes) {
        Expression replacement = fix(node);
        if (replacement != null && replacement != node) {
          TreeSurgery.replace(t.tree(), node, replacement);
        }
      }
    }

    private Expression fix(Object node) throws StatementException {
      if (node instanceof CastExpression cast) {
        return fixCast(cast);
      }
      if (node instanceof JsonExpression chain) {
        return fixChain(chain);
      }
      if (node instanceof JsonOperator op) {
        return fixOperator(op);
      }
      if (node instanceof ComparisonOperator comparison) {
        compareAsJson(comparison);
        return null;
      }
      if (node instanceof InExpression in) {
        inAsJson(in);
        return null;
      }
      if (node instanceof Concat concat) {
        if (isJson(concat.getLeftExpression()) || isJson(concat.getRightExpression())) {
          return jsonResult(
              "jsonb_concat", concat.getLeftExpression(), concat.getRightExpression());
        }
        return null;
      }
      if (node instanceof Subtraction minus) {
        if (!isJson(minus.getLeftExpression())) {
          return null;
        }
        Expression key = minus.getRightExpression();
        return jsonResult(
            isInteger(key) ? "jsonb_delete_index" : "jsonb_delete", minus.getLeftExpression(), key);
      }
      return fixFunction((Function) node);
    }

    /**
     * {@code (doc -> 'k') = '"v"'}, {@code (doc -> 'n') > '1'}: jsonb's comparison, a literal on
     * the other side being a document as PostgreSQL types it (Django's key lookups). The engine
     * would compare with a JSON string, and order JSON by its bytes.
     */
    private void compareAsJson(ComparisonOperator c) {
      Expression left = c.getLeftExpression();
      Expression right = c.getRightExpression();
      if (!isJson(left) && !isJson(right)) {
        return;
      }
      if (!isJson(left) && !(left instanceof StringValue)
          || !isJson(right) && !(right instanceof StringValue)) {
        return; // a column of unknown type: the engine's comparison
      }
      c.setLeftExpression(call("jsonb_compare", left, right));
      c.setRightExpression(new LongValue(0));
    }

    /** {@code (doc -> 'k') IN ('"a"', '"b"')}: each literal a document, as for {@code =}. */
    private void inAsJson(InExpression in) {
      if (!isJson(in.getLeftExpression())
          || !(in.getRightExpression() instanceof ExpressionList<?> list)) {
        return;
      }
      @SuppressWarnings("unchecked")
      ExpressionList<Expression> values = (ExpressionList<Expression>) list;
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) instanceof StringValue s) {
          values.set(i, jsonResult("jsonb_in", s));
        }
      }
    }

    private Expression fixCast(CastExpression cast) {
      if (!isJsonType(cast.getColDataType())) {
        if (isJson(cast.getLeftExpression())) {
          cast.setLeftExpression(call("jsonb_out", cast.getLeftExpression()));
        }
        return null;
      }
      boolean jsonb = "jsonb".equals(typeName(cast.getColDataType()));
      cast.setLeftExpression(call(jsonb ? "jsonb_in" : "json_in", cast.getLeftExpression()));
      cast.setColDataType(engineType(jsonb));
      cast.setUseCastKeyword(true);
      json.add(cast);
      return null;
    }

    private Expression fixChain(JsonExpression chain) throws StatementException {
      Expression current = chain.getExpression();
      for (Map.Entry<Expression, String> step : steps(chain)) {
        Expression key = step.getKey();
        current =
            switch (step.getValue()) {
              case "->" ->
                  jsonResult(isInteger(key) ? "jsonb_element" : "jsonb_field", current, key);
              case "->>" ->
                  call(isInteger(key) ? "jsonb_element_text" : "jsonb_field_text", current, key);
              case "#>" -> jsonResult("jsonb_path", current, path(key));
              case "#>>" -> call("jsonb_path_text", current, path(key));
              default -> throw unsupported("operator " + step.getValue() + " (jsonb)");
            };
      }
      return current;
    }

    /**
     * JSqlParser reads {@code j -> 'a' -> 0} as {@code j -> ('a' -> 0)}; PostgreSQL's arrows
     * associate to the left, so a key that is itself a chain continues this one.
     */
    private static List<Map.Entry<Expression, String>> steps(JsonExpression chain) {
      List<Map.Entry<Expression, String>> out = new ArrayList<>();
      for (Map.Entry<Expression, String> step : chain.getIdentList()) {
        if (step.getKey() instanceof JsonExpression nested) {
          out.add(Map.entry(nested.getExpression(), step.getValue()));
          out.addAll(steps(nested));
        } else {
          out.add(step);
        }
      }
      return out;
    }

    private Expression fixOperator(JsonOperator op) throws StatementException {
      Expression a = op.getLeftExpression();
      Expression b = op.getRightExpression();
      boolean containment =
          op.getStringExpression().equals("@>") || op.getStringExpression().equals("<@");
      if (containment && (isVisiblyArray(a) || isVisiblyArray(b))) {
        // Array containment (Sequelize's Op.contains on an ARRAY column), not jsonb's; jsonb's
        // ?| and ?& take a text[] operand and stay jsonb's.
        return op.getStringExpression().equals("@>")
            ? call("array_contains_all", a, b)
            : call("array_contains_all", b, a);
      }
      return switch (op.getStringExpression()) {
        case "@>" -> call("jsonb_contains", a, b);
        case "<@" -> call("jsonb_contains", b, a);
        case "?" -> call("jsonb_exists", a, b);
        case "?|" -> call("jsonb_exists_any", a, b);
        case "?&" -> call("jsonb_exists_all", a, b);
        case "->" -> jsonResult(isInteger(b) ? "jsonb_element" : "jsonb_field", a, b);
        case "->>" -> call(isInteger(b) ? "jsonb_element_text" : "jsonb_field_text", a, b);
        case "#>" -> jsonResult("jsonb_path", a, path(b));
        case "#>>" -> call("jsonb_path_text", a, path(b));
        default -> throw unsupported("operator " + op.getStringExpression() + " (jsonb)");
      };
    }

    private Expression fixFunction(Function f) throws StatementException {
      if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
        return null; // distdb_catalog's own calls, or another schema's function
      }
      String name = OutputNames.functionName(f);
      if (UNSUPPORTED_FUNCTIONS.contains(name)) {
        throw unsupported("function " + name + "()");
      }
      List<Expression> args = arguments(f);
      return switch (name) {
        case "jsonb_build_object" -> {
          List<Expression> out = new ArrayList<>(args.size());
          for (int i = 0; i < args.size(); i++) {
            out.add(i % 2 == 0 ? args.get(i) : toJson(args.get(i)));
          }
          yield jsonResult("jsonb_build_object", out.toArray(Expression[]::new));
        }
        case "jsonb_build_array" ->
            jsonResult(
                "jsonb_build_array", args.stream().map(this::toJson).toArray(Expression[]::new));
        case "to_jsonb" -> {
          requireArguments(name, args, 1);
          yield jsonResult("jsonb_in", castToText(toJson(args.get(0))));
        }
        case "jsonb_agg" -> {
          requireArguments(name, args, 1);
          yield jsonResult("jsonb_agg", arrayAgg(f, toJson(args.get(0))));
        }
        case "jsonb_object_agg" -> {
          requireArguments(name, args, 2);
          yield jsonResult(
              "jsonb_object_agg", arrayAgg(f, args.get(0)), arrayAgg(f, toJson(args.get(1))));
        }
        case "jsonb_set" -> {
          if (args.size() >= 2) {
            args.set(1, path(args.get(1)));
          }
          yield jsonResult(name, args.toArray(Expression[]::new));
        }
        case "jsonb_extract_path" -> jsonResult(name, args.toArray(Expression[]::new));
        case "jsonb_typeof", "jsonb_array_length", "jsonb_extract_path_text", "jsonb_pretty" -> {
          f.setName(List.of("distdb_catalog", name));
          yield null;
        }
        case "jsonb_strip_nulls" -> {
          requireArguments(name, args, 1);
          yield jsonResult(name, args.get(0));
        }
        case "json_build_object", "json_build_array" ->
            jsonText(name, builderArguments(name, args));
        case "json_agg" -> {
          requireArguments(name, args, 1);
          Expression row = rowToJson(args.get(0));
          String kind = row != null ? "c" : jsonText.contains(args.get(0)) ? "r" : "v";
          Expression value = row != null ? row : args.get(0); // the engine's values, typed
          yield jsonText(name, new StringValue(kind), arrayAgg(f, value));
        }
        case "row_to_json" -> {
          requireArguments(name, args, 1);
          Expression row = rowToJson(args.get(0));
          if (row == null) {
            throw unsupported("row_to_json() of anything but a table or subquery alias");
          }
          yield row;
        }
        default -> null;
      };
    }

    /** The argument kinds string, then the arguments (see storage.PostgresJsonTextFunctions). */
    private Expression[] builderArguments(String name, List<Expression> args) {
      StringBuilder kinds = new StringBuilder();
      List<Expression> out = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        Expression arg = args.get(i);
        if (name.equals("json_build_object") && i % 2 == 0) {
          kinds.append('k');
          out.add(arg);
        } else {
          kinds.append(jsonText.contains(arg) ? 'r' : 'v');
          out.add(arg); // the function reads the engine's value and its type
        }
      }
      out.add(0, new StringValue(kinds.toString()));
      return out.toArray(Expression[]::new);
    }

    /**
     * {@code t} naming a table or subquery of the FROM as a row: {@code row_to_json(ARRAY['a',
     * ...], t.a, ...)} in the json text form; null if {@code e} is no such name.
     */
    private Expression rowToJson(Expression e) throws StatementException {
      if (!(e instanceof net.sf.jsqlparser.schema.Column c) || c.getTable() != null) {
        return null;
      }
      List<String> columns = RowColumns.of(t, c.getColumnName());
      if (columns == null) {
        return null;
      }
      StringBuilder names = new StringBuilder("ARRAY[");
      List<Expression> args = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        String column = columns.get(i);
        names.append(i == 0 ? "" : ", ").append("'").append(column.replace("'", "''")).append("'");
        args.add(
            PostgresParser.expression(
                c.getColumnName() + ".\"" + column.replace("\"", "\"\"") + "\""));
      }
      args.add(0, PostgresParser.expression(names.append("]").toString()));
      return jsonText("row_to_json", args.toArray(Expression[]::new));
    }

    private CastExpression jsonText(String function, Expression... args) {
      ColDataType varchar = new ColDataType();
      varchar.setDataType("VARCHAR");
      varchar.setArgumentsStringList(List.of(JSON_TEXT_LENGTH));
      CastExpression c = cast(call(function, args), varchar);
      jsonText.add(c);
      return c;
    }

    private boolean isJson(Expression e) {
      if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
        return isJson(p.get(0));
      }
      return json.contains(e);
    }

    /** A value as JSON: the engine's own conversion (numbers, booleans, strings, JSON). */
    private Expression toJson(Expression value) {
      return isJson(value) ? value : cast(value, engineType(true));
    }

    private CastExpression jsonResult(String function, Expression... args) {
      CastExpression c = cast(call(function, args), engineType(true));
      json.add(c);
      return c;
    }
  }

  /**
   * A constant path {@code '{a,0}'} as {@code ARRAY['a', '0']}: the engine would make a one-element
   * array of the literal's whole text.
   */
  private static Expression path(Expression e) throws StatementException {
    if (!(e instanceof StringValue s)) {
      return e;
    }
    List<String> steps;
    try {
      steps = TextArray.parse(s.getValue());
    } catch (IllegalArgumentException bad) {
      throw new StatementException("22P02", "malformed array literal: \"" + s.getValue() + "\"");
    }
    if (steps.isEmpty()) {
      return PostgresParser.expression("CAST(ARRAY[] AS VARCHAR ARRAY)");
    }
    StringBuilder array = new StringBuilder("ARRAY[");
    for (int i = 0; i < steps.size(); i++) {
      array.append(i > 0 ? ", " : "");
      String step = steps.get(i);
      array.append(step == null ? "NULL" : "'" + step.replace("'", "''") + "'");
    }
    return PostgresParser.expression(array.append(']').toString());
  }

  private static Expression castToText(Expression e) {
    ColDataType varchar = new ColDataType();
    varchar.setDataType("VARCHAR");
    return cast(e, varchar);
  }

  private static Function arrayAgg(Function aggregate, Expression value) {
    Function agg = new Function();
    agg.setName("ARRAY_AGG");
    agg.setParameters(new ExpressionList<>(value));
    agg.setDistinct(aggregate.isDistinct());
    agg.setOrderByElements(aggregate.getOrderByElements());
    return agg;
  }

  private static List<Expression> arguments(Function f) {
    if (f.getParameters() == null) {
      return List.of();
    }
    List<Expression> out = new ArrayList<>();
    for (Object e : f.getParameters()) {
      out.add((Expression) e);
    }
    return out;
  }

  private static void requireArguments(String name, List<Expression> args, int n)
      throws StatementException {
    if (args.size() != n) {
      throw new StatementException(
          "42883", "function " + name + " with " + args.size() + " arguments does not exist");
    }
  }

  private static boolean isInteger(Expression e) {
    return e instanceof LongValue
        || (e instanceof SignedExpression s && s.getExpression() instanceof LongValue);
  }

  private static ColDataType engineType(boolean jsonb) {
    ColDataType type = new ColDataType();
    type.setDataType("JSON");
    if (!jsonb) {
      type.setArgumentsStringList(List.of(JSON_LENGTH));
    }
    return type;
  }

  private static CastExpression cast(Expression e, ColDataType type) {
    CastExpression c = new CastExpression();
    c.setLeftExpression(e);
    c.setColDataType(type);
    c.setUseCastKeyword(true);
    return c;
  }

  private static Function call(String name, Expression... args) {
    Function f = new Function();
    f.setName(List.of("distdb_catalog", name));
    f.setParameters(new ExpressionList<>(args));
    return f;
  }

  private static StatementException unsupported(String feature) {
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED, feature + " is not supported by distdb");
  }
}
