package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * String literals written into columns of one kind, by {@code INSERT ... VALUES} or {@code UPDATE
 * ... SET}, replaced by the engine's literal for that kind. The table is looked up only when a
 * literal is a candidate, so other writes stay cacheable.
 */
abstract class ColumnLiteralRewrite implements Rewrite {

  /** Whether {@code s} could be text of the kind (cheap: decides whether to read the schema). */
  abstract boolean isCandidate(StringValue s);

  /** The table's columns of the kind. */
  abstract Set<String> columns(Schema schema, String table) throws StatementException;

  /** The engine's literal for {@code s}; the SQLSTATE PostgreSQL gives where it is not valid. */
  abstract Expression literal(StringValue s) throws StatementException;

  @Override
  public final void apply(Translation t) throws StatementException {
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

  private boolean insert(Insert insert, Values values, Translation t) throws StatementException {
    List<ExpressionList<Expression>> rows = JsonColumnRewrite.rows(values.getExpressions());
    if (rows.stream().flatMap(List::stream).noneMatch(this::candidate)) {
      return false;
    }
    String table = insert.getTable().getFullyQualifiedName();
    Set<String> kind = columns(t.schema(), table);
    if (kind.isEmpty()) {
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
        if (kind.contains(columns.get(i)) && row.get(i) instanceof StringValue s) {
          row.set(i, literal(s));
          changed = true;
        }
      }
    }
    return changed;
  }

  private boolean update(Update update, Translation t) throws StatementException {
    Set<String> kind = null;
    boolean changed = false;
    for (UpdateSet set : update.getUpdateSets()) {
      for (int i = 0; i < set.getColumns().size() && i < set.getValues().size(); i++) {
        if (!(set.getValues().get(i) instanceof StringValue s) || !isCandidate(s)) {
          continue;
        }
        if (kind == null) {
          kind = columns(t.schema(), update.getTable().getFullyQualifiedName());
        }
        if (kind.contains(JsonColumnRewrite.name(set.getColumns().get(i).getColumnName()))) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
          values.set(i, literal(s));
          changed = true;
        }
      }
    }
    return changed;
  }

  private boolean candidate(Expression e) {
    return e instanceof StringValue s && isCandidate(s);
  }
}
