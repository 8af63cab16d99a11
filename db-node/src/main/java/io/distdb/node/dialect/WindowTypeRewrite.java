package io.distdb.node.dialect;

import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CastExpression;

/**
 * {@code ntile(n) OVER (...)} is integer in PostgreSQL; the engine's is bigint. Cast to INTEGER,
 * after {@link OutputNameRewrite} labelled the item {@code ntile}.
 */
final class WindowTypeRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("ntile");
  }

  @Override
  public void apply(Translation t) {
    boolean changed = false;
    for (AnalyticExpression a : TreeSurgery.find(t.tree(), AnalyticExpression.class)) {
      if (a.getName() == null || !a.getName().toLowerCase(Locale.ROOT).equals("ntile")) {
        continue;
      }
      CastExpression cast = (CastExpression) PostgresParser.expression("CAST(NULL AS INTEGER)");
      cast.setLeftExpression(a);
      changed |= TreeSurgery.replace(t.tree(), a, cast);
    }
    if (changed) {
      t.changed();
    }
  }
}
