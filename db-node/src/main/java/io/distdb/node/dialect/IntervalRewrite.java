package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * PostgreSQL's interval literals, {@code interval '1 day'} and {@code '2 hours'::interval}, become
 * H2's {@code INTERVAL '1 00:00:00' DAY TO SECOND} (H2 reads only the SQL standard's form, so
 * {@code now() - interval '1 day'}, which applications write everywhere, failed with 22007).
 * Literals already in the standard form ({@code INTERVAL '1' DAY}) are left alone.
 */
@SuppressWarnings("deprecation") // setUseCastKeyword: JSqlParser 5.3 has no replacement yet
final class IntervalRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("interval");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    Walker walker = new Walker();
    try {
      walker.getTables(t.tree());
    } catch (UnsupportedOperationException e) {
      return; // a statement kind without expressions (some DDL)
    }
    if (walker.failure != null) {
      throw walker.failure;
    }
    if (walker.changed) {
      t.changed();
    }
  }

  private static final class Walker extends TablesNamesFinder<Void> {
    boolean changed;
    StatementException failure;

    @Override
    public <S> Void visit(IntervalExpression interval, S context) {
      String p = interval.getParameter();
      if (interval.getIntervalType() == null
          && interval.getExpression() == null
          && p != null
          && p.length() >= 2
          && p.startsWith("'")
          && p.endsWith("'")) {
        IntervalText.H2Interval h2 = convert(p.substring(1, p.length() - 1).replace("''", "'"));
        if (h2 != null) {
          interval.setParameter("'" + h2.value() + "'");
          interval.setIntervalType(h2.qualifier());
          changed = true;
        }
      }
      return super.visit(interval, context);
    }

    @Override
    public <S> Void visit(CastExpression cast, S context) {
      if (cast.getColDataType() != null
          && cast.getColDataType().getDataType().toLowerCase(Locale.ROOT).equals("interval")
          && (cast.getColDataType().getArgumentsStringList() == null
              || cast.getColDataType().getArgumentsStringList().isEmpty())
          && cast.getLeftExpression() instanceof StringValue s) {
        IntervalText.H2Interval h2 = convert(s.getValue());
        if (h2 != null) {
          IntervalExpression literal = new IntervalExpression(true);
          literal.setParameter("'" + h2.value() + "'");
          literal.setIntervalType(h2.qualifier());
          cast.setLeftExpression(literal);
          cast.setColDataType(new ColDataType("INTERVAL " + h2.qualifier()));
          cast.setUseCastKeyword(true); // "x::INTERVAL DAY TO SECOND" reads badly; CAST is plain

          changed = true;
        }
      }
      return super.visit(cast, context);
    }

    private IntervalText.H2Interval convert(String text) {
      try {
        return IntervalText.toH2(text);
      } catch (StatementException e) {
        failure = e;
        return null;
      }
    }
  }
}
