package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The string literals a statement writes into columns, by {@code INSERT ... VALUES} or {@code
 * UPDATE ... SET}, for the rewrites that replace those written into columns of one kind (bytea,
 * interval, arrays). The table is looked up only when a literal is a candidate, so other writes
 * stay cacheable.
 */
final class WrittenColumnLiterals {

  /** What one rewrite replaces. */
  interface Kind {
    /** Whether {@code s} could be text of the kind (cheap: decides whether to read the schema). */
    boolean isCandidate(StringValue s);

    /** How literals written into {@code table} change; null when it has no column of the kind. */
    Replacement columns(Schema schema, String table) throws StatementException;
  }

  /** The literals written into one table's columns of a kind. */
  interface Replacement {
    /**
     * The engine's literal for {@code s} written into {@code column}, null when the column is not
     * of the kind; the SQLSTATE PostgreSQL gives where {@code s} is not valid for it.
     */
    Expression literal(String column, StringValue s) throws StatementException;
  }

  private WrittenColumnLiterals() {}

  /** Replaces the literals of {@code kind} the statement writes; true if it changed any. */
  static boolean rewrite(Translation t, Kind kind) throws StatementException {
    if (t.tree() instanceof Insert insert && insert.getSelect() instanceof Values values) {
      return insert(insert, values, t, kind);
    }
    if (t.tree() instanceof Update update) {
      return update(update, t, kind);
    }
    return false;
  }

  private static boolean insert(Insert insert, Values values, Translation t, Kind kind)
      throws StatementException {
    List<ExpressionList<Expression>> rows = JsonColumnRewrite.rows(values.getExpressions());
    if (rows.stream().flatMap(List::stream).noneMatch(e -> candidate(e, kind))) {
      return false;
    }
    String table = insert.getTable().getFullyQualifiedName();
    Replacement replacement = kind.columns(t.schema(), table);
    if (replacement == null) {
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
        // Every literal of a row, candidate or not: INSERT's rows are looked at as a whole.
        if (row.get(i) instanceof StringValue s) {
          Expression literal = replacement.literal(columns.get(i), s);
          if (literal != null) {
            row.set(i, literal);
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  private static boolean update(Update update, Translation t, Kind kind) throws StatementException {
    Replacement replacement = null;
    boolean changed = false;
    for (UpdateSet set : update.getUpdateSets()) {
      JsonColumnRewrite.unwrapValues(set.getValues());
      for (int i = 0; i < set.getColumns().size() && i < set.getValues().size(); i++) {
        if (!(set.getValues().get(i) instanceof StringValue s) || !kind.isCandidate(s)) {
          continue;
        }
        if (replacement == null) {
          replacement = kind.columns(t.schema(), update.getTable().getFullyQualifiedName());
          if (replacement == null) {
            return changed;
          }
        }
        Expression literal =
            replacement.literal(JsonColumnRewrite.name(set.getColumns().get(i).getColumnName()), s);
        if (literal != null) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
          values.set(i, literal);
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean candidate(Expression e, Kind kind) {
    return e instanceof StringValue s && kind.isCandidate(s);
  }
}
