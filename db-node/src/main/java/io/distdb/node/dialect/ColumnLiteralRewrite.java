package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * String literals written into columns of one kind, by {@code INSERT ... VALUES} or {@code UPDATE
 * ... SET}, replaced by the engine's literal for that kind ({@link WrittenColumnLiterals}).
 */
abstract class ColumnLiteralRewrite implements Rewrite, WrittenColumnLiterals.Kind {

  /** The table's columns of the kind. */
  abstract Set<String> kindColumns(Schema schema, String table) throws StatementException;

  /** The engine's literal for {@code s}; the SQLSTATE PostgreSQL gives where it is not valid. */
  abstract Expression literal(StringValue s) throws StatementException;

  @Override
  public final WrittenColumnLiterals.Replacement columns(Schema schema, String table)
      throws StatementException {
    Set<String> kind = kindColumns(schema, table);
    return kind.isEmpty() ? null : (column, s) -> kind.contains(column) ? literal(s) : null;
  }

  @Override
  public final void apply(Translation t) throws StatementException {
    if (WrittenColumnLiterals.rewrite(t, this)) {
      t.changed();
    }
  }
}
