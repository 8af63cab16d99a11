package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.ArrayElementType;
import io.distdb.node.storage.ArrayLiteral;
import io.distdb.node.storage.TextInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * PostgreSQL's array literals: {@code '{1,2}'::int[]}, {@code CAST('{a,"b c"}' AS text[])}, {@code
 * '{1}'::_int4}, and a string literal written into an array column ({@code INSERT ... VALUES
 * ('{a,b}')}, {@code UPDATE ... SET tags = '{a}'}). The engine would read such text as a
 * one-element array holding it; this rewrite parses it ({@link ArrayLiteral}, PostgreSQL's syntax
 * and 22P02 messages), checks each element against the element type and writes an {@code
 * ARRAY['1', '2']} constructor the engine converts. It runs after {@link OutputNameRewrite} has
 * labelled the cast after its type, as PostgreSQL does ({@code int4}). Literals into columns need
 * the table's array columns, so those statements are not cached; only literals that start with
 * {@code '{'} or {@code '['} are looked at. Array parameters are bound by the session
 * (service.ArrayParameters).
 */
final class ArrayLiteralRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("'{", "'[", "::_", " _");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    boolean[] changed = {false};
    StatementException[] failure = {null};
    ExpressionWalker.rewrite(
        t.tree(),
        cast -> {
          try {
            return fixCast(cast, changed);
          } catch (StatementException e) {
            failure[0] = failure[0] == null ? e : failure[0];
            return false;
          }
        },
        ExpressionWalker.NONE);
    if (failure[0] != null) {
      throw failure[0];
    }
    changed[0] |= WrittenColumnLiterals.rewrite(t, ARRAY_COLUMNS);
    if (changed[0]) {
      t.changed();
    }
  }

  /** A cast to an array type: its string operand parsed, a {@code _int4}-style type respelled. */
  private static boolean fixCast(CastExpression cast, boolean[] changed) throws StatementException {
    ColDataType type = cast.getColDataType();
    if (type == null || type.getDataType() == null) {
      return false;
    }
    String name = type.getDataType().strip();
    if (name.startsWith("_") && isKnownElement(name.substring(1))) {
      String element = name.substring(1);
      String engine = PostgresTypes.engineType(element);
      type.setDataType((engine != null ? engine : element) + " ARRAY");
      changed[0] = true;
      name = type.getDataType();
    }
    if (!name.toUpperCase(Locale.ROOT).endsWith(" ARRAY")
        || !(cast.getLeftExpression() instanceof StringValue literal)) {
      return changed[0];
    }
    int declaredDims = 0;
    String element = name;
    while (element.toUpperCase(Locale.ROOT).endsWith(" ARRAY")) {
      element = element.substring(0, element.length() - " ARRAY".length()).strip();
      declaredDims++;
    }
    List<Object> parsed = parse(literal.getValue());
    ArrayElementType elementType = ArrayElementType.of(PostgresTypes.castLabel(element));
    List<Object> values = read(elementType, parsed);
    int dims = ArrayLiteral.dimensions(parsed);
    // PostgreSQL's int[] holds any number of dimensions; the engine's INTEGER ARRAY one.
    type.setDataType(element + " ARRAY".repeat(Math.max(dims, declaredDims)));
    cast.setLeftExpression(constructor(values));
    cast.setUseCastKeyword(true);
    changed[0] = true;
    return true;
  }

  private static boolean isKnownElement(String name) {
    return ArrayElementType.of(name) != ArrayElementType.OTHER
        || List.of("text", "varchar", "bpchar", "date", "timestamp", "timestamptz", "time")
            .contains(name.toLowerCase(Locale.ROOT));
  }

  /** A string literal written into an array column, as its element type reads it. */
  private static final WrittenColumnLiterals.Kind ARRAY_COLUMNS =
      new WrittenColumnLiterals.Kind() {
        @Override
        public boolean isCandidate(StringValue s) {
          return looksLikeArray(s);
        }

        @Override
        public WrittenColumnLiterals.Replacement columns(Schema schema, String table)
            throws StatementException {
          Map<String, String> arrays = schema.arrayColumns(table);
          if (arrays.isEmpty()) {
            return null;
          }
          return (column, s) -> {
            String element = arrays.get(column);
            return element != null && looksLikeArray(s) ? columnValue(s, element) : null;
          };
        }
      };

  /** A literal for a column of {@code element} (the engine's type name): one dimension only. */
  private static Expression columnValue(StringValue literal, String element)
      throws StatementException {
    List<Object> parsed = parse(literal.getValue());
    if (ArrayLiteral.dimensions(parsed) > 1) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          "multidimensional arrays are not supported in columns: \"" + literal.getValue() + "\"");
    }
    return constructor(read(ArrayElementType.of(element), parsed));
  }

  private static boolean looksLikeArray(StringValue s) {
    String v = s.getValue().stripLeading();
    return v.startsWith("{") || v.startsWith("[");
  }

  private static List<Object> parse(String sqlLiteralBody) throws StatementException {
    try {
      return ArrayLiteral.parse(sqlLiteralBody.replace("''", "'"));
    } catch (TextInputException e) {
      throw failure(e);
    }
  }

  private static List<Object> read(ArrayElementType type, List<Object> parsed)
      throws StatementException {
    try {
      return type.readAll(parsed);
    } catch (TextInputException e) {
      throw failure(e);
    }
  }

  private static StatementException failure(TextInputException e) {
    return new StatementException(e.sqlState(), e.getMessage());
  }

  /** {@code ARRAY['1', NULL, 'a b']}, nested for sub-arrays; each element as its text. */
  private static ArrayConstructor constructor(List<Object> values) {
    ExpressionList<Expression> items = new ExpressionList<>();
    for (Object v : values) {
      if (v == null) {
        items.add(new NullValue());
      } else if (v instanceof List<?> sub) {
        @SuppressWarnings("unchecked")
        List<Object> inner = (List<Object>) sub;
        items.add(constructor(inner));
      } else {
        items.add(new StringValue().withValue(text(v).replace("'", "''")));
      }
    }
    return new ArrayConstructor(items, true);
  }

  private static String text(Object v) {
    if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.toString();
    }
    return v.toString();
  }
}
