package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.stream.Collectors;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;

/**
 * {@code INSERT / UPDATE / DELETE ... RETURNING items} becomes a query over H2's data-change delta
 * table: {@code SELECT items FROM FINAL TABLE (INSERT ...) AS t} (the rows as written, identity and
 * default values included), {@code OLD TABLE} for DELETE (the rows removed). The delta table takes
 * the target's alias or name, so {@code RETURNING t.id} still resolves. An upsert's MERGE (see
 * {@link OnConflictRewrite}) is wrapped the same way.
 */
final class ReturningRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("returning");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    ReturningClause returning;
    Table table;
    String delta;
    if (t.tree() instanceof Insert insert && insert.getReturningClause() != null) {
      returning = insert.getReturningClause();
      table = insert.getTable();
      delta = "FINAL";
      insert.setReturningClause(null);
    } else if (t.tree() instanceof Update update && update.getReturningClause() != null) {
      returning = update.getReturningClause();
      table = update.getTable();
      delta = "FINAL";
      update.setReturningClause(null);
    } else if (t.tree() instanceof Delete delete && delete.getReturningClause() != null) {
      returning = delete.getReturningClause();
      table = delete.getTable();
      delta = "OLD";
      delete.setReturningClause(null);
    } else {
      return;
    }
    if (returning.getDataItems() != null && !returning.getDataItems().isEmpty()) {
      throw new StatementException(
          StatementException.SYNTAX_ERROR, "syntax error at or near \"INTO\"");
    }
    OutputNameRewrite.labelAll(returning);
    String items = returning.stream().map(Object::toString).collect(Collectors.joining(", "));
    String alias = table.getAlias() != null ? table.getAlias().getName() : table.getName();
    t.wrap("SELECT " + items + " FROM " + delta + " TABLE (", ") AS " + alias);
  }
}
