package io.distdb.node.dialect;

import io.distdb.node.copy.CopyException;
import io.distdb.node.copy.FieldParser;
import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * A string literal written into a bytea column, {@code INSERT ... VALUES ('\x0102')} (pg_dump
 * {@code --inserts}, psql scripts) or {@code UPDATE ... SET b = 'a\\000b'}, is read as PostgreSQL's
 * bytea input (hex or escape format, {@code FieldParser}) and becomes the engine's binary literal
 * {@code X'0102'}: the engine would take the text's characters for hex digits, or fail. Only
 * statements with a literal holding a backslash look the table up.
 */
final class ByteaColumnRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("\\");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    boolean changed = false;
    if (t.tree() instanceof Insert insert && insert.getSelect() instanceof Values values) {
      changed = insert(insert, values, t);
    } else if (t.tree() instanceof Update update) {
      changed = update(update, t);
    }
    if (changed) {
      t.changed();
    }
  }

  private static boolean insert(Insert insert, Values values, Translation t)
      throws StatementException {
    List<ExpressionList<Expression>> rows = JsonColumnRewrite.rows(values.getExpressions());
    if (rows.stream().flatMap(List::stream).noneMatch(ByteaColumnRewrite::isCandidate)) {
      return false;
    }
    String table = insert.getTable().getFullyQualifiedName();
    Set<String> bytea = t.schema().byteaColumns(table);
    if (bytea.isEmpty()) {
      return false;
    }
    List<String> columns = new ArrayList<>();
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      for (Column c : insert.getColumns()) {
        columns.add(JsonColumnRewrite.name(c.getColumnName()));
      }
    } else {
      columns.addAll(t.schema().columns(table));
    }
    boolean changed = false;
    for (ExpressionList<Expression> row : rows) {
      for (int i = 0; i < row.size() && i < columns.size(); i++) {
        if (bytea.contains(columns.get(i)) && row.get(i) instanceof StringValue s) {
          row.set(i, literal(s));
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean update(Update update, Translation t) throws StatementException {
    Set<String> bytea = null;
    boolean changed = false;
    for (UpdateSet set : update.getUpdateSets()) {
      for (int i = 0; i < set.getColumns().size() && i < set.getValues().size(); i++) {
        if (!isCandidate(set.getValues().get(i))) {
          continue;
        }
        if (bytea == null) {
          bytea = t.schema().byteaColumns(update.getTable().getFullyQualifiedName());
        }
        if (bytea.contains(JsonColumnRewrite.name(set.getColumns().get(i).getColumnName()))) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
          values.set(i, literal((StringValue) set.getValues().get(i)));
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean isCandidate(Expression e) {
    return e instanceof StringValue s && s.getPrefix() == null && s.getValue().contains("\\");
  }

  private static Expression literal(StringValue s) throws StatementException {
    try {
      byte[] bytes = (byte[]) FieldParser.parse(FieldParser.BYTEA, s.getValue().replace("''", "'"));
      return new HexValue("X'" + HexFormat.of().formatHex(bytes) + "'");
    } catch (CopyException e) {
      throw new StatementException(e.sqlState(), e.getMessage());
    }
  }
}
