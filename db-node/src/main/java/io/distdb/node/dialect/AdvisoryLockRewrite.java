package io.distdb.node.dialect;

import io.distdb.node.storage.AdvisoryLockFunctions;
import io.distdb.node.storage.CatalogFunctions;
import io.distdb.node.storage.CatalogViews;
import java.util.List;
import net.sf.jsqlparser.expression.Function;

/**
 * PostgreSQL's advisory lock functions, which migration tools (Flyway takes one around a migration)
 * and applications (a per-tenant critical section) call: each becomes the engine function of the
 * same name over the node's lock table ({@code storage.AdvisoryLockFunctions}).
 */
final class AdvisoryLockRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("advisory");
  }

  @Override
  public void apply(Translation t) {
    if (ExpressionWalker.rewrite(t.tree(), ExpressionWalker.NONE, AdvisoryLockRewrite::grant)) {
      t.changed();
    }
  }

  private static boolean grant(Function f) {
    String name = OutputNames.functionName(f);
    if (!AdvisoryLockFunctions.ALIASES.containsKey(name)) {
      return false;
    }
    f.setName(List.of(CatalogViews.SCHEMA, CatalogFunctions.PREFIX + name));
    return true;
  }
}
