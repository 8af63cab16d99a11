package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.stream.Collectors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Join;

/**
 * {@code DELETE FROM t USING s [, ...] WHERE cond}, which H2 lacks, becomes {@code DELETE FROM t
 * WHERE EXISTS (SELECT 1 FROM s [, ...] WHERE cond)}: PostgreSQL deletes each target row the join
 * matches at least once, which is what the correlated EXISTS selects. (H2 has {@code UPDATE ...
 * FROM} itself.) RETURNING may name only the target's columns.
 */
final class DeleteUsingRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("using");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    if (!(t.tree() instanceof Delete delete)
        || delete.getUsingList() == null
        || delete.getUsingList().isEmpty()) {
      return;
    }
    StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM ");
    exists.append(
        delete.getUsingList().stream().map(Object::toString).collect(Collectors.joining(", ")));
    if (delete.getJoins() != null) {
      for (Join join : delete.getJoins()) {
        exists.append(' ').append(join);
      }
    }
    if (delete.getWhere() != null) {
      exists.append(" WHERE ").append(delete.getWhere());
    }
    exists.append(')');
    try {
      delete.setWhere(CCJSqlParserUtil.parseCondExpression(exists.toString()));
    } catch (JSQLParserException e) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED, "this form of DELETE ... USING");
    }
    delete.setUsingList(null);
    delete.setJoins(null);
    t.changed();
  }
}
