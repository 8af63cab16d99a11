package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.select.Values;

/**
 * {@code INSERT ... ON CONFLICT (keys) | ON CONSTRAINT name DO NOTHING | DO UPDATE SET ... [WHERE
 * ...]} becomes H2's MERGE with the inserted rows as its source, named {@code excluded} as in
 * PostgreSQL:
 *
 * <pre>
 * MERGE INTO t USING (VALUES ...) AS excluded(cols) ON t.k = excluded.k
 *   WHEN MATCHED [AND where] THEN UPDATE SET ...
 *   WHEN NOT MATCHED THEN INSERT (cols) VALUES (excluded.cols)
 * </pre>
 *
 * MERGE's update count is the rows inserted plus the rows updated, PostgreSQL's {@code INSERT 0 n}.
 * {@code ON CONFLICT DO NOTHING} without a target is left to H2, which supports it. The conflict
 * target's index predicate ({@code ON CONFLICT (k) WHERE ...}) is not checked.
 */
final class OnConflictRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("conflict");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    if (!(t.tree() instanceof Insert insert) || insert.getConflictAction() == null) {
      return;
    }
    InsertConflictAction action = insert.getConflictAction();
    InsertConflictTarget target = insert.getConflictTarget();
    boolean update = action.getConflictActionType() == ConflictActionType.DO_UPDATE;
    if (target == null) {
      if (update) {
        throw new StatementException(
            StatementException.SYNTAX_ERROR,
            "ON CONFLICT DO UPDATE requires inference specification or constraint name");
      }
      return; // H2 runs ON CONFLICT DO NOTHING itself
    }
    if (insert.getSelect() == null
        || (insert.getWithItemsList() != null && !insert.getWithItemsList().isEmpty())) {
      throw unsupported("ON CONFLICT with this INSERT form");
    }
    Table table = insert.getTable();
    String tableName = table.getFullyQualifiedName();
    String alias = table.getAlias() != null ? table.getAlias().getName() : table.getName();
    List<String> columns = insertColumns(insert, t);
    replaceDefaults(insert, tableName, columns, t);
    List<String> keys = conflictKeys(target, tableName, t);
    StringBuilder merge = new StringBuilder(256);
    merge.append("MERGE INTO ").append(tableName);
    if (table.getAlias() != null) {
      merge.append(" AS ").append(alias);
    }
    merge
        .append(" USING (")
        .append(insert.getSelect())
        .append(") AS excluded(")
        .append(String.join(", ", columns))
        .append(") ON ")
        .append(
            keys.stream()
                .map(k -> alias + "." + k + " = excluded." + k)
                .collect(Collectors.joining(" AND ")));
    if (update) {
      merge.append(" WHEN MATCHED");
      if (action.getWhereExpression() != null) {
        merge.append(" AND (").append(action.getWhereExpression()).append(')');
      }
      merge
          .append(" THEN UPDATE SET ")
          .append(
              action.getUpdateSets().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining(", ")));
    }
    merge
        .append(" WHEN NOT MATCHED THEN INSERT (")
        .append(String.join(", ", columns))
        .append(") VALUES (")
        .append(columns.stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")))
        .append(')');
    t.describeWith(withoutConflictClause(insert));
    t.replaceBody(merge.toString());
  }

  /**
   * {@code DEFAULT} in the VALUES rows (knex writes it where a row of a multi-row insert lacks a
   * column) cannot stand in MERGE's source table: it becomes the column's default expression, or
   * NULL for a column without one, as PostgreSQL would insert. An identity column has no expression
   * to put there (0A000).
   */
  private static void replaceDefaults(
      Insert insert, String table, List<String> columns, Translation t) throws StatementException {
    if (!(insert.getSelect() instanceof Values values)) {
      return;
    }
    Map<String, String> defaults = null;
    for (ExpressionList<Expression> row : JsonColumnRewrite.rows(values.getExpressions())) {
      for (int i = 0; i < row.size() && i < columns.size(); i++) {
        if (!isDefault(row.get(i))) {
          continue;
        }
        if (defaults == null) {
          defaults = t.schema().columnDefaults(table);
        }
        String column = JsonColumnRewrite.name(columns.get(i));
        if (defaults.containsKey(column) && defaults.get(column) == null) {
          throw unsupported("DEFAULT for an identity column in an upsert's VALUES");
        }
        String expression = defaults.get(column);
        // The engine's own text of the expression, spliced in as a name renders it verbatim.
        row.set(i, expression == null ? new NullValue() : new Column("(" + expression + ")"));
      }
    }
  }

  private static boolean isDefault(Expression e) {
    return e != null && e.toString().equalsIgnoreCase("DEFAULT");
  }

  /** The INSERT as if it had no ON CONFLICT clause: H2 types its VALUES by the target columns. */
  private static String withoutConflictClause(Insert insert) {
    InsertConflictAction action = insert.getConflictAction();
    InsertConflictTarget target = insert.getConflictTarget();
    insert.setConflictAction(null);
    insert.setConflictTarget(null);
    try {
      return insert.toString();
    } finally {
      insert.setConflictAction(action);
      insert.setConflictTarget(target);
    }
  }

  private static List<String> insertColumns(Insert insert, Translation t)
      throws StatementException {
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Column c : insert.getColumns()) {
        names.add(c.getColumnName());
      }
      return names;
    }
    return t.schema().columns(insert.getTable().getFullyQualifiedName());
  }

  private static List<String> conflictKeys(InsertConflictTarget target, String table, Translation t)
      throws StatementException {
    if (target.getConstraintName() != null) {
      return t.schema().constraintColumns(table, target.getConstraintName());
    }
    if (target.getIndexExpression() != null) {
      throw unsupported("ON CONFLICT on an index expression");
    }
    return target.getIndexColumnNames();
  }

  private static StatementException unsupported(String what) {
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED, what + " is not supported by distdb");
  }
}
