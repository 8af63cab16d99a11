package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * A string literal written into an interval column, {@code INSERT ... VALUES ('5 minutes')} or
 * {@code UPDATE ... SET d = '1 day'}, becomes the engine's interval literal ({@link IntervalText}):
 * the engine cannot read PostgreSQL's interval text. Only literals that read as an interval look
 * the table up, so other inserts stay cacheable.
 */
final class IntervalColumnRewrite extends ColumnLiteralRewrite {

  @Override
  public List<String> stems() {
    return List.of("day", "hour", "min", "sec", "mon", "year", "week", ":");
  }

  @Override
  Set<String> kindColumns(Schema schema, String table) throws StatementException {
    return schema.intervalColumns(table);
  }

  @Override
  public boolean isCandidate(StringValue s) {
    try {
      return IntervalText.toH2(s.getValue().replace("''", "'")) != null;
    } catch (StatementException e) {
      return true; // an interval the engine cannot hold: literal() reports it
    }
  }

  /** The engine's literal; 22007 for a string PostgreSQL would refuse as an interval too. */
  @Override
  Expression literal(StringValue s) throws StatementException {
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
