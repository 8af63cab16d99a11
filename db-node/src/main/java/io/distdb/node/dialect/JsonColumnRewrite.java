package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * A string literal written into a json or jsonb column is, in PostgreSQL, the document it spells
 * ({@code INSERT INTO t (doc) VALUES ('{"a": 1}')}, as psycopg2's {@code Json} adapter and so
 * Django send it); the engine would store it as a JSON string. Such literals in {@code INSERT ...
 * VALUES} and {@code UPDATE ... SET} become {@code jsonb_in('...')} when the column is JSON, which
 * only the catalog knows: the statement is then not cached. Only texts holding a literal that
 * starts like a document ({@code '{}, '[}, {@code '"}) are looked at, so other writes never pay for
 * the lookup; a literal scalar such as {@code 'null'} or {@code '1'} stays a JSON string (a
 * documented difference). Parameters are handled by their type (service.JsonParameters).
 */
final class JsonColumnRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("'{", "'[", "'\"");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    if (t.tree() instanceof Insert insert) {
      insert(insert, t);
    } else if (t.tree() instanceof Update update) {
      update(update, t);
    }
  }

  private static void insert(Insert insert, Translation t) throws StatementException {
    if (!(insert.getSelect() instanceof Values values)
        || !hasDocumentLiteral(values.getExpressions())) {
      return;
    }
    String table = insert.getTable().getFullyQualifiedName();
    Map<String, Boolean> json = t.schema().jsonColumns(table);
    if (json.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>();
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      for (Column c : insert.getColumns()) {
        columns.add(name(c.getColumnName()));
      }
    } else {
      columns.addAll(t.schema().columns(table));
    }
    for (ExpressionList<Expression> row : rows(values.getExpressions())) {
      for (int i = 0; i < row.size() && i < columns.size(); i++) {
        Boolean jsonb = json.get(columns.get(i));
        if (jsonb != null && row.get(i) instanceof StringValue s) {
          row.set(i, document(s, jsonb));
          t.changed();
        }
      }
    }
  }

  private static void update(Update update, Translation t) throws StatementException {
    Map<String, Boolean> json = null;
    for (UpdateSet set : update.getUpdateSets()) {
      unwrapValues(set.getValues());
      for (int i = 0; i < set.getColumns().size() && i < set.getValues().size(); i++) {
        if (!(set.getValues().get(i) instanceof StringValue s) || !isDocument(s)) {
          continue;
        }
        if (json == null) {
          json = t.schema().jsonColumns(update.getTable().getFullyQualifiedName());
        }
        Boolean jsonb = json.get(name(set.getColumns().get(i).getColumnName()));
        if (jsonb != null) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
          values.set(i, document(s, jsonb));
          t.changed();
        }
      }
    }
  }

  /**
   * VALUES (a, b), (c, d) holds rows; VALUES (a, b) holds the one row's values directly (JSqlParser
   * keeps its parentheses as the list itself). A value in parentheses of its own, as pgjdbc's
   * simple query mode writes every one ({@code (('x'), ('{}'))}), is unwrapped in place.
   */
  @SuppressWarnings("unchecked")
  static List<ExpressionList<Expression>> rows(ExpressionList<?> expressions) {
    List<ExpressionList<Expression>> rows = new ArrayList<>();
    boolean allRows = !expressions.isEmpty() && !(expressions instanceof ParenthesedExpressionList);
    for (Object e : expressions) {
      allRows &= e instanceof ExpressionList<?>;
    }
    if (allRows) {
      for (Object e : expressions) {
        rows.add((ExpressionList<Expression>) e);
      }
    } else {
      rows.add((ExpressionList<Expression>) expressions);
    }
    for (ExpressionList<Expression> row : rows) {
      unwrapValues(row);
    }
    return rows;
  }

  /** Takes each value written in parentheses of its own ({@code ('x')}) out of them, in place. */
  @SuppressWarnings("unchecked")
  static void unwrapValues(ExpressionList<?> values) {
    ExpressionList<Expression> list = (ExpressionList<Expression>) values;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ParenthesedExpressionList<?> one && one.size() == 1) {
        list.set(i, (Expression) one.get(0));
      }
    }
  }

  private static boolean hasDocumentLiteral(ExpressionList<?> expressions) {
    for (Object e : expressions) {
      if (e instanceof StringValue s && isDocument(s)) {
        return true;
      }
      if (e instanceof ExpressionList<?> row && hasDocumentLiteral(row)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDocument(StringValue s) {
    String v = s.getValue().stripLeading();
    return v.startsWith("{") || v.startsWith("[") || v.startsWith("\"");
  }

  private static Expression document(StringValue literal, boolean jsonb) {
    Function in = new Function();
    in.setName(List.of("distdb_catalog", jsonb ? "jsonb_in" : "json_in"));
    in.setParameters(new ExpressionList<>(literal));
    ColDataType type = new ColDataType();
    type.setDataType("JSON");
    if (!jsonb) {
      type.setArgumentsStringList(List.of(JsonRewrite.JSON_LENGTH));
    }
    CastExpression cast = new CastExpression();
    cast.setLeftExpression(in);
    cast.setColDataType(type);
    cast.setUseCastKeyword(true);
    return cast;
  }

  /** {@code "Data"} → Data, {@code data} → data, as the engine stores names. */
  static String name(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }
}
