package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * A string literal written into an interval column, {@code INSERT ... VALUES ('5 minutes')} or
 * {@code UPDATE ... SET d = '1 day'}, becomes the engine's interval literal ({@link IntervalText}):
 * the engine cannot read PostgreSQL's interval text. Only literals that read as an interval look
 * the table up, so other inserts stay cacheable.
 */
final class IntervalColumnRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("day", "hour", "min", "sec", "mon", "year", "week", ":");
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
    if (rows.stream().noneMatch(IntervalColumnRewrite::hasIntervalText)) {
      return false;
    }
    String table = insert.getTable().getFullyQualifiedName();
    Set<String> intervals = t.schema().intervalColumns(table);
    if (intervals.isEmpty()) {
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
        if (intervals.contains(columns.get(i)) && row.get(i) instanceof StringValue s) {
          row.set(i, literal(s));
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean update(Update update, Translation t) throws StatementException {
    Set<String> intervals = null;
    boolean changed = false;
    for (UpdateSet set : update.getUpdateSets()) {
      for (int i = 0; i < set.getColumns().size() && i < set.getValues().size(); i++) {
        if (!(set.getValues().get(i) instanceof StringValue s) || !isIntervalText(s)) {
          continue;
        }
        if (intervals == null) {
          intervals = t.schema().intervalColumns(update.getTable().getFullyQualifiedName());
        }
        if (intervals.contains(JsonColumnRewrite.name(set.getColumns().get(i).getColumnName()))) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
          values.set(i, literal(s));
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean hasIntervalText(ExpressionList<Expression> row) {
    for (Expression e : row) {
      if (e instanceof StringValue s && isIntervalText(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIntervalText(StringValue s) {
    try {
      return IntervalText.toH2(s.getValue().replace("''", "'")) != null;
    } catch (StatementException e) {
      return true; // an interval the engine cannot hold: literal() reports it
    }
  }

  /** The engine's literal; 22007 for a string PostgreSQL would refuse as an interval too. */
  private static Expression literal(StringValue s) throws StatementException {
    String text = s.getValue().replace("''", "'");
    IntervalText.H2Interval h2 = IntervalText.toH2(text);
    if (h2 == null) {
      throw new StatementException(
          "22007", "invalid input syntax for type interval: \"" + text + "\"");
    }
    IntervalExpression literal = new IntervalExpression(true);
    literal.setParameter("'" + h2.value() + "'");
    literal.setIntervalType(h2.qualifier());
    return literal;
  }
}
