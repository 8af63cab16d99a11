package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * The set-returning json functions in FROM, {@code jsonb_each(j)}, {@code jsonb_each_text(j)},
 * {@code jsonb_array_elements(j)}, {@code jsonb_array_elements_text(j)}, {@code
 * jsonb_object_keys(j)} and their {@code json_} twins, become the engine's {@code UNNEST} of the
 * arrays distdb's functions return (storage.PostgresJsonTextFunctions), with PostgreSQL's column
 * names ({@code key}, {@code value}; a one-column function's column after its alias) and types
 * ({@code value} jsonb, json or text). jsonb's variants walk the document in jsonb's key order,
 * json's in the document's. The engine's UNNEST cannot read the columns of other FROM items, so
 * PostgreSQL's implicit LATERAL ({@code FROM docs d, jsonb_each(d.body)}) is 0A000.
 */
final class JsonSetFunctionRewrite implements Rewrite {

  /** A function's columns: each column's name and the engine array function feeding it. */
  private record Shape(List<String> columns, List<String> arrays, List<String> elementTypes) {}

  private static final Map<String, Shape> SHAPES =
      Map.ofEntries(
          Map.entry("jsonb_each", each("jsonb_each_values", "JSON")),
          Map.entry(
              "json_each", each("jsonb_each_values", "JSON(" + JsonRewrite.JSON_LENGTH + ")")),
          Map.entry("jsonb_each_text", each("jsonb_each_texts", null)),
          Map.entry("json_each_text", each("jsonb_each_texts", null)),
          Map.entry("jsonb_array_elements", single("value", "jsonb_elements", "JSON")),
          Map.entry(
              "json_array_elements",
              single("value", "jsonb_elements", "JSON(" + JsonRewrite.JSON_LENGTH + ")")),
          Map.entry("jsonb_array_elements_text", single("value", "jsonb_elements_text", null)),
          Map.entry("json_array_elements_text", single("value", "jsonb_elements_text", null)),
          Map.entry("jsonb_object_keys", single(null, "jsonb_keys", null)),
          Map.entry("json_object_keys", single(null, "jsonb_keys", null)));

  @Override
  public List<String> stems() {
    return List.of("json"); // every function it moves has json in its name
  }

  @Override
  public void apply(Translation t) throws StatementException {
    boolean changed = false;
    for (TableFunction from : TreeSurgery.find(t.tree(), TableFunction.class)) {
      Function f = from.getFunction();
      String name = f == null ? null : OutputNames.functionName(f);
      Shape shape = name == null ? null : SHAPES.get(name);
      if (shape == null
          || f.getParameters() == null
          || f.getParameters().size() != 1
          || (f.getMultipartName() != null && f.getMultipartName().size() > 1)) {
        continue;
      }
      Expression document = (Expression) f.getParameters().get(0);
      if (!TreeSurgery.find(document, Column.class).isEmpty()) {
        throw new StatementException(
            StatementException.FEATURE_NOT_SUPPORTED,
            name
                + "() over a column of another FROM item (an implicit LATERAL) is not supported by"
                + " distdb; apply it to a value or a subquery's result");
      }
      List<Expression> arrays = arrays(name, document);
      f.setName("UNNEST");
      f.setParameters(new ExpressionList<>(arrays));
      name(from, name, shape);
      changed = true;
    }
    if (changed) {
      quoteKeyAndValue(t);
      t.changed();
    }
  }

  /** True for the set-returning json functions this rewrite knows, by unqualified name. */
  static boolean isSetFunction(String name) {
    return SHAPES.containsKey(name);
  }

  /**
   * The columns of {@code name}'s result; null for the one column named after the alias ({@code
   * jsonb_object_keys}).
   */
  static List<String> columns(String name) {
    return SHAPES.get(name).columns();
  }

  /**
   * The engine arrays holding {@code name(document)}'s columns, one per column, element {@code i}
   * of each being row {@code i}'s value. {@code document} is used in the first and copied for the
   * others.
   */
  static List<Expression> arrays(String name, Expression document) {
    Shape shape = SHAPES.get(name);
    if (name.startsWith("jsonb")) {
      document = call("jsonb_out", document); // jsonb's key order, duplicates dropped
    }
    List<Expression> arrays = new ArrayList<>();
    for (int i = 0; i < shape.arrays().size(); i++) {
      // Each array call gets its own copy: a later rewrite may replace a node in place.
      Expression arg = i == 0 ? document : PostgresParser.expression(document.toString());
      Expression array = call(shape.arrays().get(i), arg);
      String element = shape.elementTypes().get(i);
      if (element != null) {
        ColDataType type = new ColDataType();
        type.setDataType(element + " ARRAY"); // JSqlParser does not parse H2's array type
        CastExpression cast = new CastExpression();
        cast.setLeftExpression(array);
        cast.setColDataType(type);
        cast.setUseCastKeyword(true);
        array = cast;
      }
      arrays.add(array);
    }
    return arrays;
  }

  /**
   * PostgreSQL's table alias (the function's name) and column names, unless the client gave them.
   */
  private static void name(TableFunction from, String function, Shape shape) {
    Alias alias = from.getAlias();
    if (alias == null) {
      alias = new Alias(function, false);
      from.setAlias(alias);
    }
    if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
      return;
    }
    List<Alias.AliasColumn> columns = new ArrayList<>();
    for (String column : shape.columns()) {
      String label = column == null ? alias.getName() : column;
      columns.add(new Alias.AliasColumn(quote(unquote(label))));
    }
    alias.setAliasColumns(columns);
  }

  /** {@code key} and {@code value} are keywords to the engine: the columns are quoted. */
  private static void quoteKeyAndValue(Translation t) {
    for (Column c : TreeSurgery.find(t.tree(), Column.class)) {
      String name = c.getColumnName();
      if (name != null && (name.equalsIgnoreCase("key") || name.equalsIgnoreCase("value"))) {
        c.setColumnName(quote(name.toLowerCase(Locale.ROOT)));
      }
    }
  }

  private static Shape each(String values, String valueType) {
    List<String> types = new ArrayList<>();
    types.add(null);
    types.add(valueType);
    return new Shape(List.of("key", "value"), List.of("jsonb_each_keys", values), types);
  }

  private static Shape single(String column, String array, String elementType) {
    List<String> columns = new ArrayList<>();
    columns.add(column);
    List<String> types = new ArrayList<>();
    types.add(elementType);
    return new Shape(columns, List.of(array), types);
  }

  private static Function call(String name, Expression arg) {
    Function f = new Function();
    f.setName(List.of("distdb_catalog", name));
    f.setParameters(new ExpressionList<>(arg));
    return f;
  }

  private static String unquote(String name) {
    return JsonColumnRewrite.name(name);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
