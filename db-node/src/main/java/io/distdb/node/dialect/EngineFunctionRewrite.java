package io.distdb.node.dialect;

import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;

/**
 * Calls of PostgreSQL functions H2 lacks ({@code initcap}, {@code split_part}, {@code strpos},
 * {@code reverse}, {@code make_date}, {@code format}) go to distdb's own implementations, which
 * every database has in {@code distdb_catalog} (storage.PostgresFunctions). The output label stays
 * the function's name, as PostgreSQL's.
 */
final class EngineFunctionRewrite implements Rewrite {

  /** Must match the aliases storage.EngineFunctions installs. */
  static final Set<String> FUNCTIONS =
      Set.of("initcap", "split_part", "strpos", "reverse", "make_date", "format");

  @Override
  public List<String> stems() {
    return List.of("initcap", "split_part", "strpos", "reverse", "make_date", "format");
  }

  @Override
  public void apply(Translation t) {
    if (ExpressionWalker.rewrite(t.tree(), ExpressionWalker.NONE, EngineFunctionRewrite::qualify)) {
      t.changed();
    }
  }

  private static boolean qualify(Function f) {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      return false; // already qualified: pg_catalog.format is not ours to touch
    }
    String name = OutputNames.functionName(f);
    if (!FUNCTIONS.contains(name)) {
      return false;
    }
    f.setName(List.of("distdb_catalog", name));
    return true;
  }
}
